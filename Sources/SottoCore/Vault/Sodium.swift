import SottoCrypto

/// SottoCrypto as the core uses it: its errors in the core's words, and the record padding.
enum Sodium {
  /// Initialises libsodium once; safe to call from any thread, any number of times.
  static func ensureInitialized() throws(SottoError) {
    try mapped { () throws(CryptoError) in try CryptoLibrary.ensureInitialized() }
  }

  /// `count` bytes from the operating system's secure random source.
  static func randomBytes(_ count: Int) -> [UInt8] { SecureRandom.bytes(count) }

  /// Runs `body`, turning a ``CryptoError`` into the message the person reads.
  static func mapped<T>(_ body: () throws(CryptoError) -> T) throws(SottoError) -> T {
    do {
      return try body()
    } catch {
      switch error.code {
      case .libraryUnavailable:
        throw SottoError(
          .crypto, "The cryptography library could not start. Nothing was written.")
      case .outOfSecureMemory:
        throw SottoError(.crypto, "Secure memory could not be allocated. Nothing was written.")
      case .keyDerivationFailed:
        throw SottoError(
          .crypto,
          "The key could not be derived: the system has too little free memory for this "
            + "journal's key derivation settings. Nothing was written.")
      case .invalidKey:
        throw SottoError(
          .crypto, "A key was refused by the cryptography library. Nothing was written.")
      }
    }
  }

  /// Pads `bytes` with ISO/IEC 7816-4 padding to a multiple of `block` bytes, as `sodium_pad`:
  /// 0x80, then zeros (always at least the 0x80).
  static func pad(_ bytes: [UInt8], block: Int) -> [UInt8] {
    var padded: [UInt8] = []
    pad(bytes, block: block, into: &padded)
    return padded
  }

  /// Pads `bytes` into `buffer`, replacing what it held (bulk sealing reuses one buffer).
  static func pad(_ bytes: [UInt8], block: Int, into buffer: inout [UInt8]) {
    let paddedCount = (bytes.count / block + 1) * block
    buffer.removeAll(keepingCapacity: true)
    buffer.append(contentsOf: bytes)
    buffer.append(0x80)
    buffer.append(contentsOf: repeatElement(0, count: paddedCount - bytes.count - 1))
  }

  /// The length of the first `count` bytes of `bytes` without their padding, with
  /// `sodium_unpad`'s rules (the last non-zero byte within the final block must be 0x80);
  /// `nil` when malformed.
  ///
  /// `sodium_unpad` runs in constant time over the whole block. Sotto unpads only what it has
  /// just authenticated (a record, a sealed inbox row), so the scan stops early instead.
  static func unpaddedLength(_ bytes: [UInt8], count: Int, block: Int) -> Int? {
    guard count >= block, count <= bytes.count else { return nil }
    var index = count - 1
    while index >= count - block {
      switch bytes[index] {
      case 0: index -= 1
      case 0x80: return index
      default: return nil
      }
    }
    return nil
  }
}
