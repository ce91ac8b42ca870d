/// Makes the person's text safe and short for a terminal line.
enum TerminalText {
  /// Replaces control characters (escape sequences included) with spaces and cuts to `width`
  /// characters with an ellipsis.
  static func clean(_ text: String, width: Int = 24) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let category = scalar.properties.generalCategory
      let isControl = category == .control || category == .format && scalar.value == 0x202E
      scalars.append(isControl ? " " : scalar)
    }
    let cleaned = String(scalars)
    guard cleaned.count > width else { return cleaned }
    return String(cleaned.prefix(width - 1)) + "…"
  }

  /// `text` padded with spaces to `width` characters (never cut).
  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }

  /// `text` right-aligned in `width` characters.
  static func padLeft(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
  }
}
