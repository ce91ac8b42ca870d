import Foundation

/// Locale-independent number formatting shared by the renderers.
enum NumberText {
  /// An amount: whole numbers without decimals, others with up to two ("7", "2.5", "0.33").
  static func amount(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() { return String(format: "%.0f", rounded) }
    var text = String(format: "%.2f", rounded)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }

  /// One decimal ("6.0", "21.7").
  static func decimal(_ value: Double) -> String {
    String(format: "%.1f", value)
  }

  /// Money with two decimals ("80.00"), no currency sign.
  static func money(_ value: Double) -> String {
    String(format: "%.2f", value)
  }

  /// A percentage from 0–100 without decimals ("50%").
  static func percent(_ value: Double) -> String {
    String(format: "%.0f%%", value)
  }

  /// A signed change ("+6", "-2", "0", "+5.3").
  static func signed(_ value: Double) -> String {
    let text = amount(abs(value))
    if text == "0" { return "0" }
    return (value > 0 ? "+" : "-") + text
  }

  /// A signed percentage change ("+600%", "-40%"), or "no data".
  static func signedPercent(_ value: Double?) -> String {
    guard let value else { return "no data" }
    let text = String(format: "%.0f", abs(value))
    if text == "0" { return "0%" }
    return (value > 0 ? "+" : "-") + text + "%"
  }

  /// "1 urge", "3 urges".
  static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(value) \(value == 1 ? singular : (plural ?? singular + "s"))"
  }
}
