import Foundation
import Testing

/// Two journals with different passphrases kept in step by two real Syncthing instances on
/// 127.0.0.1 (`Scripts/sync-e2e`, which also runs by hand and prints its timings): entries
/// logged on each side arrive on the other, a conflict made on purpose is kept and resolved,
/// nothing readable reaches the folders, and every Syncthing process is stopped. Skipped,
/// with a message, where Syncthing is not installed (`.ci/run` installs it).
@Suite struct SyncthingTests {
  @Test(.timeLimit(.minutes(5))) func twoDevicesSyncThroughRealSyncthing() throws {
    let cli = CLIRunner()
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().path
    let run = try cli.run(
      [root + "/Scripts/sync-e2e"], tool: "/usr/bin/env",
      environment: ["SOTTO_BIN": CLIRunner.binary])
    if run.status == 77 {
      FileHandle.standardError.write(Data("skipped: \(run.stdout)\(run.stderr)\n".utf8))
      return
    }
    #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
    #expect(run.stdout.contains("sync-e2e: OK"))
    #expect(run.stdout.contains("no processes left"))
  }
}
