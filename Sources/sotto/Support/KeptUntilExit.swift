import Synchronization

/// Large values a command keeps until the process exits instead of freeing them.
///
/// A command that read a whole journal ends right after printing; freeing 100,000 decrypted
/// entries one allocation at a time took about 50 ms of that. The memory goes back to the
/// system at exit all the same, and freeing never erased it (decrypted text is not in secure
/// memory either way; see Docs/SECURITY.md).
enum KeptUntilExit {
  private static let kept = Mutex<[any Sendable]>([])

  /// Keeps `value` alive until the process exits.
  static func keep(_ value: any Sendable) {
    kept.withLock { $0.append(value) }
  }
}
