/// Escaping of the person's text for Markdown and HTML.
enum MarkupEscaping {
  /// Text safe in XML/HTML element content and attribute values.
  static func html(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default:
        // XML 1.0 forbids most control characters even as references.
        if scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t" {
          out += " "
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// Text that Markdown shows literally: HTML-escaped, punctuation backslash-escaped, one line.
  static func markdown(_ text: String) -> String {
    let special: Set<Character> = [
      "\\", "`", "*", "_", "{", "}", "[", "]", "#", "+", "!", "|", "~",
    ]
    var out = ""
    for character in html(text) {
      if character == "\n" || character == "\t" || character == "\r" {
        out.append(" ")
      } else {
        if special.contains(character) { out.append("\\") }
        out.append(character)
      }
    }
    return out
  }
}
