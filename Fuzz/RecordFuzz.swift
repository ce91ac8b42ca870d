// libFuzzer target `record`: the decrypted plaintext decoders, which trust nothing about their
// input even though it was authenticated: the record codec (size-class unpadding, then the
// format-2 versions with their entries and validation), the inbox and format-1 plaintext
// (`{"entry":…,"v":1}`), and the manifest head and bucket bodies.
// Built and run by Scripts/fuzz.

import Foundation
import SottoModel

@testable import SottoCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecord(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  if let length = RecordCodec.unpaddedLength(bytes, count: bytes.count),
    let versions = RecordCodec.decodeRecord(json: bytes, count: length)
  {
    // What unlocking does with a decoded version: validate its entry, and it must re-encode.
    for version in versions { _ = try? version.entry?.validate() }
    _ = RecordCodec.encodeUnpadded(versions[0])
  }
  if let entry = RecordCodec.decodeInbox(bytes) {
    _ = try? entry.validate()
    _ = RecordCodec.encodeInbox(entry)
  }
  // Unpadded, the same bytes as a manifest head and bucket.
  _ = Manifest.decodeHead(bytes)
  _ = Manifest.decodeBucket(bytes)
  return 0
}

/// With `FUZZ_WRITE_SEEDS=folder`, writes seeds: padded record plaintexts of each kind of entry,
/// and a tombstone.
@_cdecl("LLVMFuzzerInitialize")
public func initializeRecord(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
  guard let folder = ProcessInfo.processInfo.environment["FUZZ_WRITE_SEEDS"] else { return 0 }
  let now = Timestamp(date: Date(timeIntervalSince1970: 1_790_000_000), timeZone: .gmt)
  let samples: [(String, EntryBody)] = [
    ("urge", .urge(Urge(intensity: 7, triggers: ["payday"], outcome: .resisted, note: "walked"))),
    ("use", .use(Use(substance: "alcohol", amount: 3, unit: "drinks", cost: 18.5))),
  ]
  for (name, body) in samples {
    let entry = Entry(id: EntryID(bytes: Sodium.randomBytes(16))!, at: now, body: body)
    for (suffix, version) in [
      ("", RecordVersion(entry: entry, revision: 2, device: 0x8c0f, hlc: 0x0190_f3a2_b4c5_0000)),
      (
        "-deleted",
        RecordVersion(entry: nil, revision: 3, device: 0x8c0f, hlc: 0x0190_f3a2_b4c6_0000)
      ),
    ] {
      var padded: [UInt8] = []
      RecordCodec.pad(RecordCodec.encodeUnpadded(version), into: &padded)
      _ = FileManager.default.createFile(
        atPath: folder + "/" + name + suffix, contents: Data(padded))
    }
  }
  return 0
}
