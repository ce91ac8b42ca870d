// libFuzzer target `record`: the decrypted plaintext decoders, which trust nothing about their
// input even though it was authenticated: the record codec (`sodium_unpad`, then the JSON entry
// with its validation) and the manifest head and bucket bodies.
// Built and run by Scripts/fuzz.

import Foundation
import SottoModel

@testable import SottoCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecord(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  if let entry = RecordCodec.decode(bytes) {
    // What unlocking does with a decoded entry: validate it, and it must re-encode.
    _ = try? entry.validate()
    _ = RecordCodec.encode(entry)
  }
  // Unpadded, the same bytes as a manifest head and bucket.
  _ = Manifest.decodeHead(bytes)
  _ = Manifest.decodeBucket(bytes)
  return 0
}

/// With `FUZZ_WRITE_SEEDS=folder`, writes seeds: padded plaintexts of each kind of entry.
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
    _ = FileManager.default.createFile(
      atPath: folder + "/" + name, contents: Data(RecordCodec.encode(entry)))
  }
  return 0
}
