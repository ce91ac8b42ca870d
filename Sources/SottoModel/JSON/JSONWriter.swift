/// Writes compact JSON with keys in the order given (callers give them sorted).
public struct JSONWriter {
  /// The bytes written so far.
  public private(set) var bytes: [UInt8] = []
  // One bit per open object or array (bit 0 the innermost): whether a value was written in it,
  // so the next needs a comma. Bits instead of an array of flags: a restore writes 100,000
  // records, and every value checked an array's uniqueness.
  private var needsComma: UInt64 = 0
  private var depth = 0

  /// Starts an empty document.
  public init() { bytes.reserveCapacity(256) }

  /// Starts an empty document with room for `capacity` bytes (a whole export, say).
  public init(capacity: Int) { bytes.reserveCapacity(capacity) }

  /// Empties the writer for another document, keeping its storage (one writer per thread
  /// serves every record a restore seals).
  public mutating func reset() {
    bytes.removeAll(keepingCapacity: true)
    needsComma = 0
    depth = 0
    pendingValue = false
  }

  /// Appends `text` as it is, outside the value structure (layout between top-level values).
  public mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Writes a timestamp as an ISO 8601 string with its own offset.
  public mutating func time(_ timestamp: Timestamp) {
    beginValue()
    bytes.append(UInt8(ascii: "\""))
    ISO8601Time.append(
      unixSeconds: timestamp.unixSeconds, offsetSeconds: timestamp.utcOffsetSeconds, to: &bytes)
    bytes.append(UInt8(ascii: "\""))
  }

  private mutating func separate() {
    if depth > 0 {
      if needsComma & 1 != 0 { bytes.append(UInt8(ascii: ",")) }
      needsComma |= 1
    }
  }

  private mutating func open(_ bracket: UInt8) {
    precondition(depth < 64, "JSON nested more than 64 levels deep")
    bytes.append(bracket)
    needsComma <<= 1
    depth += 1
  }

  private mutating func close(_ bracket: UInt8) {
    needsComma >>= 1
    depth -= 1
    bytes.append(bracket)
  }

  /// Writes a key made at run time (a device id, say); it must need no escaping, which
  /// lowercase hex digits never do.
  public mutating func key(plain name: String) {
    precondition(name.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 < 0x80 })
    separate()
    bytes.append(UInt8(ascii: "\""))
    bytes.append(contentsOf: name.utf8)
    bytes.append(UInt8(ascii: "\""))
    bytes.append(UInt8(ascii: ":"))
    pendingValue = true
  }

  /// Writes `"key":` inside an object; keys are names in the code, which need no escaping.
  public mutating func key(_ name: StaticString) {
    separate()
    bytes.append(UInt8(ascii: "\""))
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(UInt8(ascii: "\""))
    bytes.append(UInt8(ascii: ":"))
    pendingValue = true
  }

  private var pendingValue = false

  private mutating func beginValue() {
    if pendingValue {
      pendingValue = false
    } else {
      separate()
    }
  }

  /// Opens an object.
  public mutating func beginObject() {
    beginValue()
    open(UInt8(ascii: "{"))
  }

  /// Closes an object.
  public mutating func endObject() {
    close(UInt8(ascii: "}"))
  }

  /// Opens an array.
  public mutating func beginArray() {
    beginValue()
    open(UInt8(ascii: "["))
  }

  /// Closes an array.
  public mutating func endArray() {
    close(UInt8(ascii: "]"))
  }

  /// Writes a string value.
  public mutating func string(_ value: String) {
    beginValue()
    appendString(value)
  }

  /// Writes an entry id as a string of 32 lowercase hex digits, without making a `String`.
  public mutating func id(_ id: EntryID) {
    beginValue()
    bytes.append(UInt8(ascii: "\""))
    id.appendHex(to: &bytes)
    bytes.append(UInt8(ascii: "\""))
  }

  /// Writes `"key":"value"` when `value` is there, and nothing when it is `nil`.
  public mutating func optional(_ name: StaticString, _ value: String?) {
    guard let value else { return }
    key(name)
    string(value)
  }

  /// Writes a whole number.
  public mutating func int(_ value: Int64) {
    beginValue()
    appendDigits(of: value)
  }

  /// Appends the decimal digits of `value` without making a `String`.
  private mutating func appendDigits(of value: Int64) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits = InlineArray<20, UInt8>(repeating: 0)
    var count = 0
    repeat {
      digits[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
      magnitude /= 10
      count += 1
    } while magnitude > 0
    for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(digits[index]) }
  }

  /// Writes a number: whole numbers without a fraction (as `JSONEncoder` does), others in
  /// Swift's shortest round-trip form.
  public mutating func double(_ value: Double) {
    beginValue()
    if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
      appendDigits(of: Int64(value))
    } else {
      bytes.append(contentsOf: Array(value.description.utf8))
    }
  }

  /// Writes `true` or `false`.
  public mutating func bool(_ value: Bool) {
    beginValue()
    let word: StaticString = value ? "true" : "false"
    word.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Whether `text` holds a byte that a JSON string escapes: a control character, `"` or `\`.
  private static func needsEscape(_ text: Span<UInt8>) -> Bool {
    for index in text.indices {
      let byte = text[index]
      if byte < 0x20 || byte == 0x22 || byte == 0x5C { return true }
    }
    return false
  }

  private mutating func appendString(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    // Most text needs no escape: copy it in one go.
    if !Self.needsEscape(value.utf8.span) {
      bytes.append(contentsOf: value.utf8)
      bytes.append(UInt8(ascii: "\""))
      return
    }
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
      case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [
          0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)],
        ])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
