import Foundation
import Testing

/// Checks that need a debugger or a terminal: keys gone from memory once a command is done, the
/// terminal's echo back after Ctrl-C at the passphrase prompt, and after surf's screen ends.
@Suite(.serialized) struct ProcessHardeningTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// Runs Scripts/memory-snapshot --quick: gdb stops `sotto` at `exit`, writes its whole memory
  /// (MADV_DONTDUMP pages of sodium_malloc included) and the script searches it for the KEK,
  /// the record key, the inbox secret key and the passphrase, after a positive control.
  @Test(.timeLimit(.minutes(3)))
  func noKeyBytesRemainInMemoryAfterACommand() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/gdb") else {
      FileHandle.standardError.write(Data("skipped: gdb is not installed\n".utf8))
      return
    }
    let result = try CLIRunner.runTool(
      "/usr/bin/python3",
      [
        Self.root.appendingPathComponent("Scripts/memory-snapshot").path, "--quick",
        CLIRunner.binary,
      ], unblockingSignals: true)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("control: the record key is found"), "\(result.stdout)")
  }

  /// Runs Scripts/ctrl-c-echo: `sotto list` at its passphrase prompt in a tmux pane, Ctrl-C,
  /// then `stty -a` in the same pane must show `echo` (not `-echo`).
  @Test(.timeLimit(.minutes(1)))
  func ctrlCAtThePassphrasePromptRestoresEcho() throws {
    try Self.runTerminalScript("ctrl-c-echo")
  }

  /// Runs Scripts/surf-terminal: `sotto surf`'s screen in a tmux pane, in raw mode (the
  /// control), then SIGTERM; `stty -a` must show `icanon` and `echo` again, status 143.
  @Test(.timeLimit(.minutes(1)))
  func aSurfScreenEndedBySIGTERMGivesTheTerminalBack() throws {
    try Self.runTerminalScript("surf-terminal")
  }

  /// Runs `Scripts/<name>` (a check in a tmux pane) on the built binary; it must exit 0.
  static func runTerminalScript(_ name: String) throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else {
      FileHandle.standardError.write(Data("skipped: tmux is not installed\n".utf8))
      return
    }
    let result = try CLIRunner.runTool(
      "/bin/bash", [root.appendingPathComponent("Scripts/\(name)").path, CLIRunner.binary],
      unblockingSignals: true)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
  }
}
