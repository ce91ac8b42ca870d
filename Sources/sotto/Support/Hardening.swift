import SottoCore

#if canImport(Glibc)
  import Glibc
#endif

/// Process hardening done before anything else: no core dumps (they would hold keys and
/// decrypted entries), and files created private to the user.
enum Hardening {
  static func apply() {
    ProcessHardening.disableCrashReports()
    ProcessHardening.disableCoreDumps()
    umask(0o077)
  }

  /// The arguments, taken before they are wiped from the process's memory.
  static func takeArguments() -> [String] {
    let commands = Set(Sotto.configuration.subcommands.compactMap { $0.configuration.commandName })
    return ProcessHardening.takeArguments(keepingFirstIf: commands.contains)
  }
}
