// libFuzzer target `entrytime`: an entry's time as it comes from outside (an import, a restore,
// a quick capture, a record), through validation and everything that lays a valid time out:
// the ISO 8601 writer, the record codec, and the terminal's DateFormatter. The first 12 bytes
// are a Unix time (8) and a UTC offset (4); the rest, as text, replaces the numbers in the JSON
// the record codec reads. Years 9999 with an offset of -18 h once stopped `sotto list`, and
// 10^15 made reports allocate 555 GB. Its first findings: DateFormatter stops the program for an
// offset of 15 hours or more (so the accepted offsets became ±14 h), and the offset check itself
// trapped on Int32.min (abs overflows).
// Built and run by Scripts/fuzz.

import Foundation
import SottoModel

@testable import SottoCore

private let formatter: DateFormatter = {
  let formatter = DateFormatter()
  formatter.locale = Locale(identifier: "en_US_POSIX")
  formatter.dateFormat = "yyyy-MM-dd HH:mm xxx"
  return formatter
}()

private func layOut(_ entry: Entry) {
  guard (try? entry.validate()) != nil else { return }
  guard entry.at.isWithinAcceptedRange else {
    fatalError("a time outside the range passed validation")
  }
  _ = ISO8601Time.string(entry.at)
  formatter.timeZone = entry.at.timeZone
  _ = formatter.string(from: entry.at.date)
  let version = RecordVersion(entry: entry, revision: 1, device: 1, hlc: 1)
  let json = RecordCodec.encodeUnpadded(version)
  guard RecordCodec.decodeRecord(json: json, count: json.count)?.first == version,
    RecordCodec.decodeInbox(RecordCodec.encodeInbox(entry)) == entry
  else {
    fatalError("a valid entry did not survive the record codec")
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEntryTime(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let id = EntryID(bytes: Array(repeating: 0x11, count: 16))!
  if bytes.count >= 12 {
    let unix = bytes[0..<8].reduce(Int64(0)) { $0 << 8 | Int64($1) }
    let offset = bytes[8..<12].reduce(Int32(0)) { $0 << 8 | Int32($1) }
    layOut(
      Entry(
        id: id, at: Timestamp(unixSeconds: unix, utcOffsetSeconds: offset),
        body: .urge(Urge(intensity: 1))))
  }
  let text = String(decoding: bytes.dropFirst(min(12, bytes.count)), as: UTF8.self)
  let parts = text.split(separator: ",", maxSplits: 1).map(String.init)
  let json =
    #"{"entry":{"at":{"offset":\#(parts.count > 1 ? parts[1] : "0"),"unix":\#(parts.first ?? "0")},"#
    + #""id":"11111111111111111111111111111111","kind":"urge","source":"direct","#
    + #""urge":{"intensity":1,"triggers":[]}},"v":1}"#
  let plain = Array(json.utf8)
  if let entry = RecordCodec.decodeFormat1(json: plain, count: plain.count) { layOut(entry) }
  return 0
}
