/// A strict, allocation-light JSON pull parser over UTF-8 bytes (RFC 8259).
///
/// Entry decoding reads fields straight into values instead of building a tree: reading every
/// record of a large journal is dominated by this step, and Foundation's `JSONDecoder` costs tens
/// of microseconds an entry. Hostile input can only make it throw ``JSONReader/Failure``.
public struct JSONReader {
  /// Why the bytes are not the JSON expected; carries a byte offset, never the text.
  public struct Failure: Error, Sendable, Equatable {
    /// The byte offset where reading stopped.
    public var offset: Int
    /// What was expected there.
    public var expected: String
  }

  private let bytes: [UInt8]
  /// The end of the input: reading stops here even if `bytes` holds more (padding).
  private let end: Int
  private(set) var offset = 0
  private var depth = 0
  /// The deepest nesting accepted (entries nest three levels).
  static let maxDepth = 32

  /// Reads from `bytes`.
  public init(_ bytes: [UInt8]) {
    self.bytes = bytes
    self.end = bytes.count
  }

  /// Reads the first `count` bytes of `bytes` (the rest, padding for example, is ignored).
  public init(_ bytes: [UInt8], count: Int) {
    self.bytes = bytes
    self.end = max(0, min(count, bytes.count))
  }

  /// Reads the bytes of `range` in `bytes` (one line of a larger document, say); failures give
  /// offsets into the whole of `bytes`.
  public init(_ bytes: [UInt8], range: Range<Int>) {
    self.bytes = bytes
    self.end = max(0, min(range.upperBound, bytes.count))
    self.offset = max(0, min(range.lowerBound, end))
  }

  /// Moves past `byte` if it comes next (after white space); whether it did.
  public mutating func consume(_ byte: UInt8) -> Bool {
    guard peek() == byte else { return false }
    offset += 1
    return true
  }

  private func fail(_ expected: String) -> Failure { Failure(offset: offset, expected: expected) }

  private mutating func skipWhitespace() {
    while offset < end {
      switch bytes[offset] {
      case 0x20, 0x09, 0x0A, 0x0D: offset += 1
      default: return
      }
    }
  }

  private mutating func peek() -> UInt8? {
    skipWhitespace()
    return offset < end ? bytes[offset] : nil
  }

  private mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
    guard peek() == byte else { throw fail(what) }
    offset += 1
  }

  /// Throws unless only white space remains.
  public mutating func expectEnd() throws(Failure) {
    if peek() != nil { throw fail("the end of the document") }
  }

  /// Whether the next value is `null` (consumed if so).
  public mutating func readNullIfPresent() -> Bool {
    guard peek() == UInt8(ascii: "n"), end - offset >= 4,
      bytes[offset + 1] == UInt8(ascii: "u"), bytes[offset + 2] == UInt8(ascii: "l"),
      bytes[offset + 3] == UInt8(ascii: "l")
    else { return false }
    offset += 4
    return true
  }

  /// Reads an object, calling `field` with each key; `field` must read the value.
  /// A key given twice is read twice: the last value wins (as in most JSON readers).
  public mutating func readObject(
    _ field: (inout JSONReader, JSONKey) throws(Failure) -> Void
  ) throws(Failure) {
    try expect(UInt8(ascii: "{"), "an object")
    depth += 1
    guard depth <= Self.maxDepth else { throw fail("less nesting") }
    if peek() == UInt8(ascii: "}") {
      offset += 1
      depth -= 1
      return
    }
    while true {
      let key = try readString(parsing: { JSONKey($0) })!
      try expect(UInt8(ascii: ":"), "a colon")
      try field(&self, key)
      switch peek() {
      case UInt8(ascii: ","): offset += 1
      case UInt8(ascii: "}"):
        offset += 1
        depth -= 1
        return
      default: throw fail("a comma or the end of the object")
      }
    }
  }

  /// Reads an array, calling `element` for each element; `element` must read it.
  public mutating func readArray(
    _ element: (inout JSONReader) throws(Failure) -> Void
  ) throws(Failure) {
    try expect(UInt8(ascii: "["), "an array")
    depth += 1
    guard depth <= Self.maxDepth else { throw fail("less nesting") }
    if peek() == UInt8(ascii: "]") {
      offset += 1
      depth -= 1
      return
    }
    while true {
      try element(&self)
      switch peek() {
      case UInt8(ascii: ","): offset += 1
      case UInt8(ascii: "]"):
        offset += 1
        depth -= 1
        return
      default: throw fail("a comma or the end of the array")
      }
    }
  }

  /// Reads a string, decoding escapes; refuses invalid UTF-8 and unescaped control characters.
  public mutating func readString() throws(Failure) -> String {
    guard peek() == UInt8(ascii: "\"") else { throw fail("a string") }
    offset += 1
    let start = offset
    // Fast path: no escapes.
    var allBits: UInt8 = 0
    while offset < end {
      let byte = bytes[offset]
      if byte == UInt8(ascii: "\"") {
        let stop = offset
        offset += 1
        guard let text = Self.string(bytes, start..<stop, isASCII: allBits < 0x80) else {
          offset = stop
          throw fail("valid UTF-8")
        }
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw fail("no control characters in a string") }
      allBits |= byte
      offset += 1
    }
    guard offset < end else { throw fail("the end of the string") }
    var buffer = Array(bytes[start..<offset])
    while offset < end {
      let byte = bytes[offset]
      switch byte {
      case UInt8(ascii: "\""):
        guard let text = Self.string(buffer, 0..<buffer.count, isASCII: false) else {
          throw fail("valid UTF-8")
        }
        offset += 1
        return text
      case UInt8(ascii: "\\"):
        offset += 1
        guard offset < end else { throw fail("an escape") }
        let escape = bytes[offset]
        offset += 1
        switch escape {
        case UInt8(ascii: "\""): buffer.append(0x22)
        case UInt8(ascii: "\\"): buffer.append(0x5C)
        case UInt8(ascii: "/"): buffer.append(0x2F)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try readHex4()
          if (0xD800...0xDBFF).contains(scalar) {
            guard end - offset >= 6, bytes[offset] == UInt8(ascii: "\\"),
              bytes[offset + 1] == UInt8(ascii: "u")
            else { throw fail("a low surrogate") }
            offset += 2
            let low = try readHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw fail("a low surrogate") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          } else if (0xDC00...0xDFFF).contains(scalar) {
            throw fail("no lone low surrogate")
          }
          guard let unicode = Unicode.Scalar(scalar) else { throw fail("a valid code point") }
          buffer.append(contentsOf: UTF8.encode(unicode)!)
        default: throw fail("a valid escape")
        }
      default:
        if byte < 0x20 { throw fail("no control characters in a string") }
        buffer.append(byte)
        offset += 1
      }
    }
    throw fail("the end of the string")
  }

  /// Reads a string and hands its UTF-8 bytes to `parse`, without making a `String` when it has
  /// no escapes (ids and other short tokens, read for every record).
  public mutating func readString<T>(
    parsing parse: (Span<UInt8>) -> T?
  ) throws(Failure) -> T? {
    guard peek() == UInt8(ascii: "\"") else { throw fail("a string") }
    let quote = offset
    var index = offset + 1
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        offset = index + 1
        return parse(bytes.span.extracting((quote + 1)..<index))
      }
      // Escapes, non-ASCII and errors take the general path.
      if byte == UInt8(ascii: "\\") || byte >= 0x80 || byte < 0x20 { break }
      index += 1
    }
    let text = try readString()
    return parse(text.utf8.span)
  }

  /// A string from UTF-8 bytes, or `nil` when they are not valid UTF-8.
  ///
  /// `String(validating:as:)` is generic and looks up type metadata on every call, which
  /// serialises parallel decoding on a runtime lock; decoding is not, and is exact for valid input.
  private static func string(_ bytes: [UInt8], _ range: Range<Int>, isASCII: Bool) -> String? {
    let slice = bytes[range]
    if !isASCII, UTF8Validation.firstInvalidOffset(slice.span) != nil { return nil }
    return String(decoding: slice, as: UTF8.self)
  }

  private mutating func readHex4() throws(Failure) -> UInt32 {
    guard end - offset >= 4 else { throw fail("four hex digits") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let c = bytes[offset]
      let digit: UInt32
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
      default: throw fail("four hex digits")
      }
      value = value << 4 | digit
      offset += 1
    }
    return value
  }

  private func matches(_ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard end - offset >= count else { return false }
    let start = word.utf8Start
    for index in 0..<count where bytes[offset + index] != start[index] { return false }
    return true
  }

  /// Reads `true` or `false`.
  public mutating func readBool() throws(Failure) -> Bool {
    switch peek() {
    case UInt8(ascii: "t") where matches("true"):
      offset += 4
      return true
    case UInt8(ascii: "f") where matches("false"):
      offset += 5
      return false
    default: throw fail("true or false")
    }
  }

  /// Reads a number with JSON's grammar; refuses anything not finite.
  public mutating func readDouble() throws(Failure) -> Double {
    let (start, isInteger) = try scanNumber()
    if isInteger, offset - start <= 16, let value = integerValue(from: start) {
      return Double(value)
    }
    guard offset - start <= 64,
      let value = Double(String(decoding: bytes[start..<offset], as: UTF8.self)), value.isFinite
    else { throw fail("a finite number") }
    return value
  }

  /// Reads a number that must be a whole number within ±2^53.
  public mutating func readInt() throws(Failure) -> Int64 {
    let (start, isInteger) = try scanNumber()
    if isInteger, offset - start <= 16, let value = integerValue(from: start),
      abs(value) <= 9_007_199_254_740_992
    {
      return value
    }
    offset = start
    let value = try readDouble()
    guard value == value.rounded(), abs(value) <= 9_007_199_254_740_992 else {
      throw fail("a whole number")
    }
    return Int64(value)
  }

  /// Moves past one number of JSON's grammar; returns where it starts and whether it has
  /// neither a fraction nor an exponent.
  private mutating func scanNumber() throws(Failure) -> (start: Int, isInteger: Bool) {
    guard peek() != nil else { throw fail("a number") }
    let start = offset
    var isInteger = true
    if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
    let digitsStart = offset
    while offset < end, (0x30...0x39).contains(bytes[offset]) { offset += 1 }
    let integerDigits = offset - digitsStart
    guard integerDigits > 0, integerDigits == 1 || bytes[digitsStart] != 0x30 else {
      throw fail("a number")
    }
    if offset < end, bytes[offset] == UInt8(ascii: ".") {
      isInteger = false
      offset += 1
      let fractionStart = offset
      while offset < end, (0x30...0x39).contains(bytes[offset]) { offset += 1 }
      guard offset > fractionStart else { throw fail("digits after the decimal point") }
    }
    if offset < end, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
      isInteger = false
      offset += 1
      if offset < end, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
        offset += 1
      }
      let exponentStart = offset
      while offset < end, (0x30...0x39).contains(bytes[offset]) { offset += 1 }
      guard offset > exponentStart else { throw fail("exponent digits") }
    }
    return (start, isInteger)
  }

  /// The value of the integer literal from `start` to the current offset (at most 16 bytes).
  private func integerValue(from start: Int) -> Int64? {
    var index = start
    let negative = bytes[index] == UInt8(ascii: "-")
    if negative { index += 1 }
    var value: Int64 = 0
    while index < offset {
      value = value * 10 + Int64(bytes[index] - 0x30)
      index += 1
    }
    return negative ? -value : value
  }

  /// Skips any value (for keys a newer version added).
  public mutating func skipValue() throws(Failure) {
    switch peek() {
    case UInt8(ascii: "{"): try readObject { reader, _ throws(Failure) in try reader.skipValue() }
    case UInt8(ascii: "["): try readArray { reader throws(Failure) in try reader.skipValue() }
    case UInt8(ascii: "\""): _ = try readString()
    case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try readBool()
    case UInt8(ascii: "n"): if !readNullIfPresent() { throw fail("a value") }
    default: _ = try readDouble()
    }
  }
}
