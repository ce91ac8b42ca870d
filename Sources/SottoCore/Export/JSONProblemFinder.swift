import Foundation

/// Finds the line of the first problem in a JSON text that `JSONDecoder` refused without saying
/// where (on Linux it reports only "not valid JSON").
///
/// It checks the RFC 8259 grammar without recursion, and also flags numbers the decoder cannot
/// hold: a non-finite `Double`, or an integer literal outside `Int64`. It runs only after a
/// decode has failed, so it costs nothing on good input.
enum JSONProblemFinder {
  /// The line (counted from 1) of the first problem, or `nil` when none is found.
  static func firstProblemLine(_ bytes: Data) -> Int? {
    var scanner = Scanner(bytes: bytes)
    return scanner.run()
  }

  private enum Container {
    case array
    case object
  }

  private struct Scanner {
    let bytes: [UInt8]
    var index = 0
    var line = 1

    init(bytes: Data) {
      self.bytes = Array(bytes)
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func run() -> Int? {
      var stack: [Container] = []
      value: while true {
        skipWhitespace()
        guard let byte = current else { return line }
        switch byte {
        case UInt8(ascii: "{"):
          index += 1
          skipWhitespace()
          if current == UInt8(ascii: "}") {
            index += 1
          } else {
            stack.append(.object)
            guard key() else { return line }
            continue value
          }
        case UInt8(ascii: "["):
          index += 1
          skipWhitespace()
          if current == UInt8(ascii: "]") {
            index += 1
          } else {
            stack.append(.array)
            continue value
          }
        case UInt8(ascii: "\""):
          guard string() else { return line }
        case UInt8(ascii: "t"): guard literal("true") else { return line }
        case UInt8(ascii: "f"): guard literal("false") else { return line }
        case UInt8(ascii: "n"): guard literal("null") else { return line }
        default: guard number() else { return line }
        }
        // After a complete value: a comma, the end of the container, or the end of the text.
        while true {
          skipWhitespace()
          guard let top = stack.last else { return current == nil ? nil : line }
          guard let byte = current else { return line }
          if byte == UInt8(ascii: ",") {
            index += 1
            if top == .object {
              skipWhitespace()
              guard key() else { return line }
            }
            continue value
          }
          let close = top == .array ? UInt8(ascii: "]") : UInt8(ascii: "}")
          guard byte == close else { return line }
          index += 1
          stack.removeLast()
        }
      }
    }

    private mutating func skipWhitespace() {
      while let byte = current {
        switch byte {
        case 0x20, 0x09, 0x0D: index += 1
        case 0x0A:
          index += 1
          line += 1
        default: return
        }
      }
    }

    /// A key string and its colon.
    private mutating func key() -> Bool {
      guard current == UInt8(ascii: "\""), string() else { return false }
      skipWhitespace()
      guard current == UInt8(ascii: ":") else { return false }
      index += 1
      return true
    }

    private mutating func string() -> Bool {
      index += 1
      while let byte = current {
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return true
        case UInt8(ascii: "\\"):
          guard let escaped = current else { return false }
          index += 1
          if escaped == UInt8(ascii: "u") {
            for _ in 0..<4 {
              guard let digit = current, isHexDigit(digit) else { return false }
              index += 1
            }
          } else if !Array(#""\/bfnrt"#.utf8).contains(escaped) {
            return false
          }
        case 0x00..<0x20: return false
        default: continue
        }
      }
      return false
    }

    private mutating func literal(_ word: String) -> Bool {
      for expected in word.utf8 {
        guard current == expected else { return false }
        index += 1
      }
      return true
    }

    private mutating func number() -> Bool {
      let start = index
      var isInteger = true
      if current == UInt8(ascii: "-") { index += 1 }
      if current == UInt8(ascii: "0") {
        index += 1
      } else {
        guard digits() else { return false }
      }
      if current == UInt8(ascii: ".") {
        isInteger = false
        index += 1
        guard digits() else { return false }
      }
      if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
        isInteger = false
        index += 1
        if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
        guard digits() else { return false }
      }
      let text = String(decoding: bytes[start..<index], as: UTF8.self)
      if isInteger { return Int64(text) != nil }
      return Double(text)?.isFinite == true
    }

    private mutating func digits() -> Bool {
      let start = index
      while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
        index += 1
      }
      return index > start
    }

    private func isHexDigit(_ byte: UInt8) -> Bool {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
        UInt8(ascii: "A")...UInt8(ascii: "F"):
        true
      default: false
      }
    }
  }
}
