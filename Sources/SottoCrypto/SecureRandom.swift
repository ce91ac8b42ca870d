internal import CSodium

/// libsodium's one-time set-up.
public enum CryptoLibrary {
  /// Initialises libsodium once; safe to call from any thread, any number of times.
  public static func ensureInitialized() throws(CryptoError) {
    if initialized { return }
    throw CryptoError(.libraryUnavailable)
  }

  private static let initialized: Bool = sodium_init() >= 0
}

/// The operating system's secure random source (`randombytes_buf`).
public enum SecureRandom {
  /// `count` random bytes.
  public static func bytes(_ count: Int) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    fill(&bytes)
    return bytes
  }

  /// Overwrites all of `bytes` with random bytes.
  public static func fill(_ bytes: inout [UInt8]) {
    // The pointer to `bytes` is valid for the call, which writes exactly `bytes.count` bytes.
    randombytes_buf(&bytes, bytes.count)
  }
}

/// Zeroing that the compiler cannot remove (`sodium_memzero`).
public enum SecureMemory {
  /// Zeroes every byte of `bytes`, in its own storage.
  public static func zero(_ bytes: inout [UInt8]) {
    // As in `fill`: the pointer is valid for the call, which writes `bytes.count` bytes.
    sodium_memzero(&bytes, bytes.count)
  }
}
