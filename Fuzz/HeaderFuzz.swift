// libFuzzer target `header`: the journal's plaintext header row and the key envelope.
//
// The input describes the twelve columns of a header row, each with a SQLite type chosen by the
// input (a hostile file may hold any type in any column: the tables are not STRICT); the decoding
// is `JournalHeader.fuzzRow(from:)`, shared with the test that replays findings. The row goes
// through `JournalHeader(row:)` and `validate()` exactly as `Journal.open` reads it; when the KDF
// settings pass the bounds and are cheap (as in the seeds), the envelope is unwrapped with the
// seeds' passphrase and the key bundle checked, as `Journal.unlock` does.
// Built and run by Scripts/fuzz.

import Foundation

@testable import SottoCore

private let passphrase = try! Passphrase(utf8: Array("fuzzing passphrase".utf8))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHeader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let header = JournalHeader(row: JournalHeader.fuzzRow(from: bytes)) else { return 0 }
  do {
    try header.validate()
  } catch {
    return 0
  }
  _ = header.envelopeAssociatedData
  // Only the cheap settings of the seeds: the bounds allow 4 GiB, too slow for a fuzzer.
  guard header.kdf.memLimit <= 64 * 1024, header.kdf.opsLimit <= 2 else { return 0 }
  guard
    let kek = try? Vault.deriveKEK(
      passphrase: passphrase, salt: header.salt, parameters: header.kdf),
    let unwrapped = try? Vault.openSecret(
      nonce: header.envelopeNonce, ciphertext: header.envelope, key: kek,
      associatedData: header.envelopeAssociatedData),
    let bundle = try? KeyBundle.from(unwrapped: unwrapped)
  else { return 0 }
  _ = bundle.inboxPublicKey == header.inboxPublicKey
  return 0
}

/// With `FUZZ_WRITE_SEEDS=folder`, writes a seed: a valid header under the cheapest KDF.
@_cdecl("LLVMFuzzerInitialize")
public func initializeHeader(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
  guard let folder = ProcessInfo.processInfo.environment["FUZZ_WRITE_SEEDS"] else { return 0 }
  let bundle = try! KeyBundle.generate()
  var header = JournalHeader(
    formatVersion: 1, journalID: Sodium.randomBytes(16), kdf: .insecureMinimumForTesting,
    salt: Sodium.randomBytes(16), envelopeNonce: [], envelope: [],
    inboxPublicKey: bundle.inboxPublicKey, quickCapture: true)
  try! header.wrap(bundle, passphrase: passphrase)
  var writer = ByteWriter()
  func integer(_ value: Int64) {
    writer.append(u8: 1)
    writer.append(u64: UInt64(bitPattern: value))
  }
  func text(_ value: String) {
    writer.append(u8: 3)
    writer.append(u8: UInt8(value.utf8.count))
    writer.append(Array(value.utf8))
  }
  func blob(_ value: [UInt8]) {
    writer.append(u8: 4)
    writer.append(u8: UInt8(value.count))
    writer.append(value)
  }
  integer(1)
  text(JournalHeader.magic)
  integer(1)
  blob(header.journalID)
  integer(Int64(header.kdf.algorithm))
  integer(Int64(header.kdf.opsLimit))
  integer(Int64(header.kdf.memLimit))
  blob(header.salt)
  blob(header.envelopeNonce)
  blob(header.envelope)
  blob(header.inboxPublicKey)
  integer(1)
  _ = FileManager.default.createFile(atPath: folder + "/valid-header", contents: Data(writer.bytes))
  return 0
}
