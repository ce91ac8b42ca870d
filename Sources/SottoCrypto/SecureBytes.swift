internal import CSodium

/// A fixed-size buffer for secrets, held in `sodium_malloc` memory.
///
/// `sodium_malloc` places the bytes between guard pages, locks them out of swap where the
/// system allows, and `sodium_free` zeroes them before release, so keys and passphrases do not
/// linger in freed memory.
///
/// The bytes are written once, while the buffer is made (``init(count:initializingWith:)``),
/// and are reachable afterwards only inside ``withUnsafeBytes(_:)``: no pointer leaves a
/// scope, so no pointer can outlive the buffer. That, and no write after initialisation, is
/// the invariant that makes it `Sendable`.
/// - Warning: copying the bytes out into an `Array` or `String` defeats all of this.
public final class SecureBytes: @unchecked Sendable {
  // Unchecked: written only inside the initialiser, read-only afterwards (see above).
  private let pointer: UnsafeMutableRawPointer
  /// The number of bytes.
  public let count: Int

  /// Allocates `count` bytes, zeroed, and lets `body` write them, once.
  public init(
    count: Int, initializingWith body: (UnsafeMutableRawBufferPointer) -> Void = { _ in }
  ) throws(CryptoError) {
    try CryptoLibrary.ensureInitialized()
    guard let pointer = sodium_malloc(max(count, 1)) else {
      throw CryptoError(.outOfSecureMemory)
    }
    sodium_memzero(pointer, max(count, 1))
    self.pointer = pointer
    self.count = count
    body(UnsafeMutableRawBufferPointer(start: pointer, count: count))
  }

  /// A buffer of `count` bytes from the operating system's secure random source.
  public static func random(count: Int) throws(CryptoError) -> SecureBytes {
    try SecureBytes(count: count) { randombytes_buf($0.baseAddress!, $0.count) }
  }

  /// Moves `source` into a new secure buffer: copies it, then zeroes `source` in place (its
  /// own storage, not a copy of it, since it is borrowed `inout`).
  public convenience init(consuming source: inout [UInt8]) throws(CryptoError) {
    try self.init(count: source.count) { target in
      source.withUnsafeBytes { target.copyMemory(from: $0) }
    }
    SecureMemory.zero(&source)
  }

  deinit {
    sodium_free(pointer)
  }

  /// The bytes `range` in a secure buffer of their own (a key out of a bundle).
  public func part(_ range: Range<Int>) throws(CryptoError) -> SecureBytes {
    precondition(range.lowerBound >= 0 && range.upperBound <= count)
    return try SecureBytes(count: range.count) { target in
      target.copyMemory(
        from: UnsafeRawBufferPointer(start: pointer + range.lowerBound, count: range.count))
    }
  }

  /// `parts` one after the other in one secure buffer (keys bundled to be wrapped).
  public static func joining(_ parts: [SecureBytes]) throws(CryptoError) -> SecureBytes {
    try SecureBytes(count: parts.reduce(0) { $0 + $1.count }) { target in
      var offset = 0
      for part in parts {
        UnsafeMutableRawBufferPointer(rebasing: target[offset..<offset + part.count])
          .copyMemory(from: UnsafeRawBufferPointer(start: part.pointer, count: part.count))
        offset += part.count
      }
    }
  }

  /// A copy with a zero byte after the last, in secure memory: a passphrase for a C library
  /// that reads a C string.
  public func nulTerminated() throws(CryptoError) -> SecureBytes {
    try SecureBytes(count: count + 1) { target in
      target.copyMemory(from: UnsafeRawBufferPointer(start: pointer, count: count))
    }
  }

  /// Gives read access to the bytes, for the duration of `body` only.
  public func withUnsafeBytes<R, E: Error>(
    _ body: (UnsafeRawBufferPointer) throws(E) -> R
  ) throws(E) -> R {
    try body(UnsafeRawBufferPointer(start: pointer, count: count))
  }

  /// Whether both hold the same bytes, compared in constant time (`sodium_memcmp`).
  public func constantTimeEquals(_ other: SecureBytes) -> Bool {
    count == other.count && sodium_memcmp(pointer, other.pointer, count) == 0
  }

  /// The bytes as `unsigned char *`, for this module's C calls, inside a call made while
  /// `self` is borrowed (every caller is a method or takes `self` as an argument).
  var bytes: UnsafePointer<UInt8> { UnsafePointer(pointer.assumingMemoryBound(to: UInt8.self)) }
}
