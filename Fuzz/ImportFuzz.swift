// libFuzzer target `import`: `JournalImport.entries(from:format:timeZone:)`, every format Sotto
// imports (its JSON, JSON Lines and CSV exports, and PsychonautWiki Journal's export). The first
// input byte picks the format (or detection); the rest is the file.
// Built and run by Scripts/fuzz.

import Foundation
import SottoCore
import SottoModel

private let formats: [ImportFormat?] = [nil] + ImportFormat.allCases
private let berlin = TimeZone(identifier: "Europe/Berlin")!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let format = formats[Int(data[0]) % formats.count]
  let file = Data(bytes: data + 1, count: size - 1)
  if let entries = try? JournalImport.entries(from: file, format: format, timeZone: berlin) {
    // Whatever is accepted must be valid, as the importer promises.
    for entry in entries {
      guard (try? entry.validate()) != nil else { fatalError("import accepted an invalid entry") }
    }
  }
  return 0
}
