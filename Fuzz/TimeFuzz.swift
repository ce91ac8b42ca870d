// libFuzzer target `time`: `TimeExpression.parse`, which reads the `--at`, `--since` and
// `--until` text people type. The first input byte picks the time zone and the moment "now";
// the rest is the text.
// Built and run by Scripts/fuzz.

import Foundation
import SottoModel

private let zones = [
  "UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Kiritimati",
  "America/St_Johns", "Asia/Kathmandu", "Pacific/Apia",
].compactMap(TimeZone.init(identifier:))
private let nows: [Date] = [
  Date(timeIntervalSince1970: 1_790_000_000),  // an ordinary day
  Date(timeIntervalSince1970: 1_774_748_400),  // around a daylight-saving change in Europe
  Date(timeIntervalSince1970: 0),
  Date(timeIntervalSince1970: -62_135_596_800),  // year 1
  Date(timeIntervalSince1970: 253_402_300_799),  // the end of year 9999
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTime(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let selector = Int(data[0])
  let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
  let zone = zones[selector % zones.count]
  let now = nows[(selector / zones.count) % nows.count]
  if let timestamp = try? TimeExpression.parse(text, now: now, timeZone: zone) {
    _ = try? TimeExpression.checkNotFarFuture(timestamp, now: now)
    _ = timestamp.date
  }
  return 0
}
