import CSottoSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Keeps secrets out of core dumps and away from other processes.
public enum ProcessHardening {
  /// Sets `RLIMIT_CORE` to 0 and `PR_SET_DUMPABLE` to 0: no core file can hold keys or decrypted
  /// entries, and other processes of the same user cannot attach with ptrace.
  /// - Returns: whether both settings took effect.
  @discardableResult
  public static func disableCoreDumps() -> Bool {
    var limit = rlimit(rlim_cur: 0, rlim_max: 0)
    let limited = setrlimit(Int32(RLIMIT_CORE.rawValue), &limit) == 0
    return limited && sotto_disable_dumping() == 0
  }

  /// Takes the program's arguments and then overwrites them in the process's memory, keeping the
  /// program's and the command's name: `/proc/PID/cmdline`, which any user's `ps` reads, then
  /// shows `sotto use` and no entry text for the rest of the run.
  ///
  /// The shell has already saved what was typed to its history; this only closes `ps`.
  /// - Parameter isCommand: whether the first argument is a command's name (kept when it is).
  /// - Returns: the arguments after the program's name, as they were given.
  public static func takeArguments(keepingFirstIf isCommand: (String) -> Bool) -> [String] {
    let arguments = Array(CommandLine.arguments.dropFirst())
    let keep = arguments.first.map(isCommand) == true ? 2 : 1
    CCalls.scrubArguments(keeping: keep)
    return arguments
  }

  /// The signals Swift's runtime backtracer catches on Linux.
  static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT, SIGQUIT]

  /// Turns Swift's crash reporter off: the process then dies of the signal and prints nothing.
  ///
  /// The runtime installs its handler before `main` (a load-time constructor in libswiftCore,
  /// for the signals above while they are at their default) and reads only the user's
  /// `SWIFT_BACKTRACE`; there is no switch a binary can carry. Its report prints register
  /// contents and the memory they point at, which holds decrypted entries, and on a terminal
  /// it offers a debugger. Putting the default action back, first thing in `main`, removes it
  /// for every thread; with core dumps off (``disableCoreDumps()``) a crash leaves nothing.
  public static func disableCrashReports() {
    for signalNumber in crashSignals { _ = signal(signalNumber, SIG_DFL) }
  }
}
