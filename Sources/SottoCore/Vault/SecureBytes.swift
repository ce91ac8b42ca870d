import CSodium

/// A fixed-size buffer for secrets, held in `sodium_malloc` memory.
///
/// `sodium_malloc` places the bytes between guard pages, locks them out of swap where the
/// system allows, and `sodium_free` zeroes them before release, so keys and passphrases do not
/// linger in freed memory.
/// - Warning: copying the bytes out into an `Array` or `String` defeats all of this; read them
///   only inside ``withUnsafeBytes(_:)``.
final class SecureBytes: @unchecked Sendable {
  // Unchecked: the buffer is written only during initialisation and read afterwards.
  private let pointer: UnsafeMutableRawPointer
  /// The number of bytes.
  let count: Int

  /// Allocates `count` zeroed bytes.
  init(count: Int) throws(SottoError) {
    try Sodium.ensureInitialized()
    guard let pointer = sodium_malloc(max(count, 1)) else {
      throw SottoError(.crypto, "Secure memory could not be allocated. Nothing was written.")
    }
    self.pointer = pointer
    self.count = count
    sodium_memzero(pointer, max(count, 1))
  }

  /// Allocates a buffer and fills it with secure random bytes.
  static func random(count: Int) throws(SottoError) -> SecureBytes {
    let bytes = try SecureBytes(count: count)
    randombytes_buf(bytes.pointer, count)
    return bytes
  }

  /// Copies `source` into a new secure buffer, then zeroes `source`.
  convenience init(copying source: [UInt8]) throws(SottoError) {
    var source = source
    try self.init(count: source.count)
    source.withUnsafeMutableBytes { buffer in
      if let base = buffer.baseAddress, buffer.count > 0 {
        pointer.copyMemory(from: base, byteCount: buffer.count)
        sodium_memzero(base, buffer.count)
      }
    }
  }

  deinit {
    sodium_free(pointer)
  }

  /// Gives read access to the bytes.
  func withUnsafeBytes<R, E: Error>(
    _ body: (UnsafeRawBufferPointer) throws(E) -> R
  ) throws(E) -> R {
    try body(UnsafeRawBufferPointer(start: pointer, count: count))
  }

  /// Gives write access to the bytes.
  func withUnsafeMutableBytes<R, E: Error>(
    _ body: (UnsafeMutableRawBufferPointer) throws(E) -> R
  ) throws(E) -> R {
    try body(UnsafeMutableRawBufferPointer(start: pointer, count: count))
  }

  /// A typed pointer for C calls that take `unsigned char *`.
  var bytePointer: UnsafeMutablePointer<UInt8> { pointer.assumingMemoryBound(to: UInt8.self) }
}
