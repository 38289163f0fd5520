import Testing
@testable import HamkorBatch

/// `--shard auto`: each engine's variables, and a usage error naming the variable otherwise.
@Suite struct ShardEnvironmentTests {
    func resolve(_ environment: [String: String], shards: Int? = nil) throws(BatchError) -> String {
        try ShardEnvironment.resolve(environment, shards: shards).description
    }

    func message(_ environment: [String: String], shards: Int? = nil) -> String {
        do {
            return "resolved \(try resolve(environment, shards: shards))"
        } catch {
            #expect(error.exitCode == 64)
            return error.description
        }
    }

    @Test func kubernetesTakesTheCountFromTheOptionOrTheEnvironment() throws {
        #expect(try resolve(["JOB_COMPLETION_INDEX": "2"], shards: 8) == "3/8")
        #expect(try resolve(["JOB_COMPLETION_INDEX": "0", "HAMKOR_SHARDS": "3"]) == "1/3")
        #expect(try resolve(["JOB_COMPLETION_INDEX": "7", "HAMKOR_SHARDS": "8"], shards: 8) == "8/8")
    }

    @Test func slurmAndAWSBatchGiveTheirOwnCounts() throws {
        #expect(try resolve(["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_COUNT": "5"]) == "5/5")
        // --array=1-8 and --array=0-14:2 are positions in the array, not raw ids.
        #expect(try resolve(["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "8", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "8"]) == "1/8")
        #expect(try resolve(["SLURM_ARRAY_TASK_ID": "14", "SLURM_ARRAY_TASK_COUNT": "8", "SLURM_ARRAY_TASK_MIN": "0",
                             "SLURM_ARRAY_TASK_MAX": "14", "SLURM_ARRAY_TASK_STEP": "2"]) == "8/8")
        #expect(try resolve(["AWS_BATCH_JOB_ARRAY_INDEX": "0", "AWS_BATCH_JOB_ARRAY_SIZE": "2"]) == "1/2")
        #expect(try resolve(["AWS_BATCH_JOB_ARRAY_INDEX": "1"], shards: 2) == "2/2")
    }

    @Test func missingVariablesAreNamed() {
        #expect(message([:]).contains("none of JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID, AWS_BATCH_JOB_ARRAY_INDEX is set"))
        #expect(message(["JOB_COMPLETION_INDEX": "1"]) ==
            "error: --shard auto in a Kubernetes Indexed Job needs the number of workers: pass --shards N or set HAMKOR_SHARDS")
        #expect(message(["AWS_BATCH_JOB_ARRAY_INDEX": "1"]).contains("AWS_BATCH_JOB_ARRAY_SIZE is not set"))
    }

    @Test(arguments: [
        (["JOB_COMPLETION_INDEX": "-1", "HAMKOR_SHARDS": "3"], "JOB_COMPLETION_INDEX='-1' is not a whole number of at least 0"),
        (["JOB_COMPLETION_INDEX": "one", "HAMKOR_SHARDS": "3"], "JOB_COMPLETION_INDEX='one' is not a whole number"),
        (["JOB_COMPLETION_INDEX": "", "HAMKOR_SHARDS": "3"], "JOB_COMPLETION_INDEX='' is not a whole number"),
        (["JOB_COMPLETION_INDEX": "1", "HAMKOR_SHARDS": "0"], "HAMKOR_SHARDS='0' is not a whole number of at least 1"),
        (["JOB_COMPLETION_INDEX": "1", "HAMKOR_SHARDS": "3x"], "HAMKOR_SHARDS='3x'"),
        (["JOB_COMPLETION_INDEX": "3", "HAMKOR_SHARDS": "3"], "JOB_COMPLETION_INDEX=3 gives worker 3, but HAMKOR_SHARDS=3 allows only 0 to 2"),
        (["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "4", "HAMKOR_SHARDS": "5"], "HAMKOR_SHARDS=5 and SLURM_ARRAY_TASK_COUNT=4 disagree"),
        (["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "7"],
         "the Slurm array 1-7:1 has 7 tasks but the count is 3"),
        (["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "2", "SLURM_ARRAY_TASK_STEP": "2"], "SLURM_ARRAY_TASK_ID=3 is not in the array"),
        (["JOB_COMPLETION_INDEX": "1", "SLURM_ARRAY_TASK_ID": "1", "HAMKOR_SHARDS": "3"], "both JOB_COMPLETION_INDEX and SLURM_ARRAY_TASK_ID are set"),
        (["AWS_BATCH_JOB_ARRAY_INDEX": "1", "AWS_BATCH_JOB_ARRAY_SIZE": "2", "HAMKOR_SHARDS": "oops"], "HAMKOR_SHARDS='oops'"),
    ])
    func malformedOrInconsistentValuesAreUsageErrors(environment: [String: String], expected: String) {
        #expect(message(environment).contains(expected), "\(message(environment))")
    }

    @Test func anOptionThatDisagreesWithTheEngineIsRefused() {
        #expect(message(["AWS_BATCH_JOB_ARRAY_INDEX": "1", "AWS_BATCH_JOB_ARRAY_SIZE": "2"], shards: 3)
            .contains("--shards 3 and AWS_BATCH_JOB_ARRAY_SIZE=2 disagree"))
        #expect(message(["JOB_COMPLETION_INDEX": "1"], shards: 0).contains("--shards 0 is out of range"))
    }
}

/// The cost-balanced partition: deterministic, complete, disjoint and even.
@Suite struct ShardPartitionTests {
    @Test func everyUnitGoesToExactlyOneShardAndLoadsStayWithinOneUnit() {
        // A job of 4 reports × 5 languages × 3 formats, weighted like the planner does.
        let formats = ["csv", "xlsx", "txt"]
        let costs = (0..<60).map { UnitCost.formatWeight(formats[$0 % 3]) * (1 + $0 / 15) }
        for count in [1, 2, 3, 7, 8, 60, 100] {
            let partition = ShardPartition(costs: costs, count: count)
            #expect(partition.shardOfUnit.count == 60)
            #expect(partition.shardOfUnit.allSatisfy { (1...count).contains($0) })
            #expect(partition.costs.reduce(0, +) == costs.reduce(0, +))
            let heaviest = costs.max()!
            #expect(partition.costs.max()! - partition.costs.min()! <= heaviest, "count \(count): \(partition.costs)")
            #expect(ShardPartition(costs: costs, count: count).shardOfUnit == partition.shardOfUnit)
        }
    }

    @Test func balancesByCostNotByCount() {
        // Two heavy units and six light ones over two shards: the heavy ones are split.
        let partition = ShardPartition(costs: [6, 6, 1, 1, 1, 1, 1, 1], count: 2)
        #expect(partition.shardOfUnit[0] != partition.shardOfUnit[1])
        #expect(partition.costs == [9, 9])
    }
}
