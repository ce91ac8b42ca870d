// libFuzzer target `backup`: `Backup.open`, the reader of encrypted backup files: header, KDF
// bounds, chunk lengths, the secretstream and the JSON inside. Backups whose KDF settings pass
// the bounds but cost more than the seeds' (the bounds allow 4 GiB) are only checked with
// `Backup.kdfParameters(of:)`, as `sotto restore` does first.
// Built and run by Scripts/fuzz.

import Foundation
import SottoModel

@testable import SottoCore

private let passphrase = try! Passphrase(utf8: Array("fuzzing passphrase".utf8))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBackup(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let file = Data(bytes: data, count: size)
  guard let kdf = try? Backup.kdfParameters(of: file),
    kdf.memLimit <= 64 * 1024, kdf.opsLimit <= 2
  else { return 0 }
  _ = try? Backup.open(file, passphrase: passphrase)
  return 0
}

/// With `FUZZ_WRITE_SEEDS=folder`, writes seeds: backups of a few entries under the cheapest KDF.
@_cdecl("LLVMFuzzerInitialize")
public func initializeBackup(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
  guard let folder = ProcessInfo.processInfo.environment["FUZZ_WRITE_SEEDS"] else { return 0 }
  let now = Timestamp(date: Date(timeIntervalSince1970: 1_790_000_000), timeZone: .gmt)
  let entries = [
    Entry(
      id: EntryID(bytes: Array(repeating: 1, count: 16))!, at: now,
      body: .urge(Urge(intensity: 7, triggers: ["payday"], outcome: .resisted))),
    Entry(
      id: EntryID(bytes: Array(repeating: 2, count: 16))!, at: now,
      body: .use(Use(substance: "alcohol", amount: 3, unit: "drinks", cost: 18.5))),
  ]
  for (name, list) in [("empty", []), ("two-entries", entries)] {
    let sealed = try! Backup.seal(
      list, passphrase: passphrase, kdf: .insecureMinimumForTesting,
      createdAt: Date(timeIntervalSince1970: 1_790_000_000))
    _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: sealed)
  }
  return 0
}
