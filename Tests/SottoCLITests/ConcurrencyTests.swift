import Foundation
import Synchronization
import Testing

/// Several `sotto` processes writing to one journal at once: SQLite's busy timeout serialises
/// them, nobody sees an error, and every entry that was confirmed is there.
@Suite(.serialized) struct ConcurrencyTests {
  @Test(.timeLimit(.minutes(2)), arguments: [2, 4])
  func processesAddingAtOnceLoseNothingAndShowNoError(processes: Int) throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let seconds =
      Double(ProcessInfo.processInfo.environment["SOTTO_CONCURRENCY_SECONDS"] ?? "")
      ?? 4
    let outcome = Mutex((succeeded: 0, failures: [String]()))
    let deadline = Date().addingTimeInterval(seconds)
    DispatchQueue.concurrentPerform(iterations: processes) { worker in
      var intensity = worker
      while Date() < deadline {
        intensity = (intensity + 1) % 11
        let result: CLIRunner.Result
        do {
          result = try cli.run(["urge", String(intensity), "--unlock", "--note", "w\(worker)"])
        } catch {
          outcome.withLock { $0.failures.append("could not start sotto: \(error)") }
          return
        }
        outcome.withLock {
          if result.status == 0 && result.stderr.isEmpty {
            $0.succeeded += 1
          } else {
            $0.failures.append("status \(result.status): \(result.stderr)")
          }
        }
      }
    }
    let (succeeded, failures) = outcome.withLock { ($0.succeeded, $0.failures) }
    #expect(failures.isEmpty, "\(failures.count) failed: \(failures.prefix(3))")
    let listed = try cli.run(["list", "--format", "json", "--limit", "100000"])
    let count = listed.stdout.components(separatedBy: "\"kind\"").count - 1
    #expect(count == succeeded, "\(count) entries listed, \(succeeded) commands succeeded")
    let verified = try cli.run(["verify"])
    #expect(verified.status == 0, "\(verified.stdout)")
    FileHandle.standardError.write(
      Data(
        "concurrency: \(processes) processes, \(seconds)s: \(succeeded) commands succeeded, \(count) entries, \(failures.count) errors\n"
          .utf8))
  }
}
