internal import CSodium

/// `crypto_secretstream_xchacha20poly1305`: a message cut into chunks, each authenticated, in
/// order, with a final tag on the last. Backups are sealed this way (Docs/FORMAT.md).
///
/// The stream's state holds a key derived from the stream key, so it lives in `sodium_malloc`
/// memory, owned by the stream object and freed (zeroed) with it; it never leaves the object.
public final class SecretStream {
  /// The stream header written before the first chunk: 24 bytes.
  public static let headerBytes = Int(crypto_secretstream_xchacha20poly1305_headerbytes())
  /// What each chunk adds: 17 bytes (a tag byte and the MAC).
  public static let overheadBytes = Int(crypto_secretstream_xchacha20poly1305_abytes())

  // Invariant: `state` is a live sodium_malloc allocation of one state, for the whole life of
  // the object, reached only by its methods; deinit frees it.
  private let state: UnsafeMutableRawPointer
  /// The header to write before the chunks (sealing), or the one read (opening).
  public private(set) var header: [UInt8]

  private var typedState: UnsafeMutablePointer<crypto_secretstream_xchacha20poly1305_state> {
    state.assumingMemoryBound(to: crypto_secretstream_xchacha20poly1305_state.self)
  }

  private init(header: [UInt8]) throws(CryptoError) {
    try CryptoLibrary.ensureInitialized()
    let size = MemoryLayout<crypto_secretstream_xchacha20poly1305_state>.size
    guard let state = sodium_malloc(size) else { throw CryptoError(.outOfSecureMemory) }
    sodium_memzero(state, size)
    self.state = state
    self.header = header
  }

  deinit { sodium_free(state) }

  /// A stream for sealing under `key` (32 bytes), with a fresh random header.
  public static func sealing(key: SecureBytes) throws(CryptoError) -> SecretStream {
    guard key.count == Int(crypto_secretstream_xchacha20poly1305_keybytes()) else {
      throw CryptoError(.invalidKey)
    }
    var header = [UInt8](repeating: 0, count: headerBytes)
    // The header is filled by init_push, once the stream (and its state) exists.
    let stream = try SecretStream(header: [])
    _ = crypto_secretstream_xchacha20poly1305_init_push(stream.typedState, &header, key.bytes)
    stream.header = header
    return stream
  }

  /// A stream for opening what was sealed under `key` with `header`; nil when the header is
  /// not a valid one.
  public static func opening(key: SecureBytes, header: [UInt8]) throws(CryptoError)
    -> SecretStream?
  {
    guard key.count == Int(crypto_secretstream_xchacha20poly1305_keybytes()),
      header.count == headerBytes
    else { return nil }
    let stream = try SecretStream(header: header)
    guard crypto_secretstream_xchacha20poly1305_init_pull(stream.typedState, header, key.bytes) == 0
    else { return nil }
    return stream
  }

  /// Seals the next chunk into `output` (at least `message.count + overheadBytes` bytes);
  /// returns the ciphertext's length. `final` marks the last chunk. Safe because the public
  /// forms below make every pointer from an array borrowed for the call, `output` sized first.
  private func push(
    _ message: UnsafeRawBufferPointer, final: Bool, associatedData: UnsafeRawBufferPointer,
    into output: UnsafeMutableRawBufferPointer
  ) -> Int {
    precondition(output.count >= message.count + Self.overheadBytes)
    var length: UInt64 = 0
    let tag =
      final
      ? crypto_secretstream_xchacha20poly1305_tag_final()
      : crypto_secretstream_xchacha20poly1305_tag_message()
    crypto_secretstream_xchacha20poly1305_push(
      typedState, output.baseAddress!.assumingMemoryBound(to: UInt8.self), &length,
      message.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(message.count),
      associatedData.baseAddress?.assumingMemoryBound(to: UInt8.self),
      UInt64(associatedData.count), tag)
    return Int(length)
  }

  /// Opens the next chunk into `output` (at least `ciphertext.count - overheadBytes` bytes);
  /// nil when it was changed, moved or replaced, else its length and whether it was final.
  private func pull(
    _ ciphertext: UnsafeRawBufferPointer, associatedData: UnsafeRawBufferPointer,
    into output: UnsafeMutableRawBufferPointer
  ) -> (length: Int, final: Bool)? {
    guard ciphertext.count >= Self.overheadBytes,
      output.count >= ciphertext.count - Self.overheadBytes
    else { return nil }
    var length: UInt64 = 0
    var tag: UInt8 = 0
    let result = crypto_secretstream_xchacha20poly1305_pull(
      typedState, output.baseAddress?.assumingMemoryBound(to: UInt8.self), &length, &tag,
      ciphertext.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(ciphertext.count),
      associatedData.baseAddress?.assumingMemoryBound(to: UInt8.self),
      UInt64(associatedData.count))
    guard result == 0 else { return nil }
    return (Int(length), tag == crypto_secretstream_xchacha20poly1305_tag_final())
  }

  /// Seals the next chunk, `message`, and appends it to `output` (``overheadBytes`` more than
  /// the message); returns the ciphertext's length. `final` marks the last chunk.
  public func push(
    _ message: ArraySlice<UInt8>, final: Bool, associatedData: [UInt8],
    appendingTo output: inout [UInt8]
  ) -> Int {
    let start = output.count
    output.append(contentsOf: repeatElement(0, count: message.count + Self.overheadBytes))
    let length = output.withUnsafeMutableBytes { output in
      message.withUnsafeBytes { message in
        associatedData.withUnsafeBytes { associatedData in
          push(
            message, final: final, associatedData: associatedData,
            into: UnsafeMutableRawBufferPointer(rebasing: output[start...]))
        }
      }
    }
    output.removeLast(output.count - start - length)
    return length
  }

  /// Opens the next chunk, `ciphertext`, appending its plaintext to `output`; nil (and
  /// nothing appended) when it was changed, moved or replaced, else whether it was final.
  public func pull(
    _ ciphertext: ArraySlice<UInt8>, associatedData: [UInt8], appendingTo output: inout [UInt8]
  ) -> Bool? {
    guard ciphertext.count >= Self.overheadBytes else { return nil }
    let start = output.count
    output.append(contentsOf: repeatElement(0, count: ciphertext.count - Self.overheadBytes))
    let opened = output.withUnsafeMutableBytes { output in
      ciphertext.withUnsafeBytes { ciphertext in
        associatedData.withUnsafeBytes { associatedData in
          pull(
            ciphertext, associatedData: associatedData,
            into: UnsafeMutableRawBufferPointer(rebasing: output[start...]))
        }
      }
    }
    guard let opened else {
      output.removeLast(output.count - start)
      return nil
    }
    output.removeLast(output.count - start - opened.length)
    return opened.final
  }
}
