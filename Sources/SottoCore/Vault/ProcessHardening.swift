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
}
