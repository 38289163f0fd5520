import HamkorCore

/// One resolved report parameter of a batch unit: its name, its value as the report receives it
/// (`2025-Q2`, never `previous-quarter`), and where the job file gave it — the same triple a
/// report's parameters are resolved from.
public typealias UnitParameter = ParameterResolver.Given
