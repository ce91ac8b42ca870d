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
