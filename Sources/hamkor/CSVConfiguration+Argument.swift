import ArgumentParser
import HamkorExport

extension CSVConfiguration.Dialect: ExpressibleByArgument {}
