// libFuzzer target `inbox`: a sealed quick-capture row, as anyone who can write the journal
// file can put one there, through every check an unlock makes (size bound, crypto_box_seal_open,
// the record codec, the kind and id checks, validation). The first byte chooses: an odd byte
// takes the rest as the sealed row itself; an even byte seals the rest to the harness's inbox
// key first, as an intruder holding the public key would, so the fuzzer reaches the decoder.
// Built and run by Scripts/fuzz.

import Foundation
import SottoModel

@testable import SottoCore

private let bundle = try! KeyBundle.generate()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInbox(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let rest = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  let sealed: [UInt8]
  if data[0] & 1 == 1 {
    sealed = rest
  } else {
    guard let made = try? Vault.sealToInbox(rest, publicKey: bundle.inboxPublicKey) else {
      return 0
    }
    sealed = made
  }
  guard sealed.count <= Inbox.maxSealedBytes else { return 0 }
  let idBytes = Array(rest.prefix(16))
  guard let plaintext = Vault.openFromInbox(sealed, bundle: bundle) else { return 0 }
  let item = UnlockedJournal.check(
    id: UnlockedJournal.entryID(idBytes), idBytes: idBytes, plaintext)
  if item.problem == nil {
    // What comes in must be what quick capture writes, valid, and must encode again.
    guard let entry = item.entry, Inbox.allowedKinds.contains(entry.kind),
      (try? entry.validate()) != nil
    else { fatalError("an inbox row passed the checks without a valid urge or use") }
    _ = RecordCodec.encodeInbox(entry)
    _ = ISO8601Time.string(entry.at)
  }
  return 0
}

/// With `FUZZ_WRITE_SEEDS=folder`, writes seeds: padded plaintexts of an urge and a use (to be
/// sealed by the harness: first byte 0) and of a goal (which must be refused).
@_cdecl("LLVMFuzzerInitialize")
public func initializeInbox(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
  guard let folder = ProcessInfo.processInfo.environment["FUZZ_WRITE_SEEDS"] else { return 0 }
  let now = Timestamp(unixSeconds: 1_790_000_000, utcOffsetSeconds: 3600)
  let samples: [(String, EntryBody)] = [
    ("urge", .urge(Urge(intensity: 7, triggers: ["payday"], outcome: .resisted, note: "walked"))),
    ("use", .use(Use(substance: "fentanyl", amount: 2, unit: "mg", route: "injected"))),
    ("goal", .goal(Goal(rule: .useFreeDays(days: 2, period: .week)))),
  ]
  for (name, body) in samples {
    let id = EntryID(bytes: Array(repeating: 0x5A, count: 16))!
    let entry = Entry(id: id, at: now, source: .quickCapture, body: body)
    _ = FileManager.default.createFile(
      atPath: folder + "/" + name, contents: Data([0] + RecordCodec.encodeInbox(entry)))
  }
  return 0
}
