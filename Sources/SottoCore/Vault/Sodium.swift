import CSodium

/// Process-wide libsodium set-up and small primitives used across the vault.
enum Sodium {
  /// Initialises libsodium once; safe to call from any thread, any number of times.
  static func ensureInitialized() throws(SottoError) {
    if initialized { return }
    throw SottoError(.crypto, "The cryptography library could not start. Nothing was written.")
  }

  private static let initialized: Bool = sodium_init() >= 0

  /// `count` bytes from the operating system's secure random source.
  static func randomBytes(_ count: Int) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    bytes.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, count) }
    return bytes
  }

  /// An unkeyed BLAKE2b digest of `parts` concatenated, `length` bytes long (16 to 64).
  static func digest(_ parts: [UInt8]..., length: Int = 16) -> [UInt8] {
    var input: [UInt8] = []
    input.reserveCapacity(parts.reduce(0) { $0 + $1.count })
    for part in parts { input.append(contentsOf: part) }
    var out = [UInt8](repeating: 0, count: length)
    let result = crypto_generichash(&out, length, input, UInt64(input.count), nil, 0)
    precondition(result == 0, "BLAKE2b cannot fail with a valid length")
    return out
  }

  /// Pads `bytes` with ISO/IEC 7816-4 padding to a multiple of `block` bytes.
  static func pad(_ bytes: [UInt8], block: Int) -> [UInt8] {
    let capacity = (bytes.count / block + 1) * block
    var buffer = bytes + [UInt8](repeating: 0, count: capacity - bytes.count)
    var padded = 0
    let result = buffer.withUnsafeMutableBufferPointer {
      sodium_pad(&padded, $0.baseAddress!, bytes.count, block, capacity)
    }
    precondition(result == 0, "sodium_pad cannot fail with a large enough buffer")
    buffer.removeLast(buffer.count - padded)
    return buffer
  }

  /// The length of `bytes` without the padding added by ``pad(_:block:)``; `nil` when malformed.
  static func unpaddedLength(_ bytes: [UInt8], block: Int) -> Int? {
    var length = 0
    guard !bytes.isEmpty else { return nil }
    let result = bytes.withUnsafeBufferPointer {
      sodium_unpad(&length, $0.baseAddress!, bytes.count, block)
    }
    guard result == 0 else { return nil }
    return length
  }
}
