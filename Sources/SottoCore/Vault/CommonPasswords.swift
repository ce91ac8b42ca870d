/// A short list of the most common passwords of 8 characters or more, refused for new journals.
///
/// Drawn from the well-known public top-password lists; lower-case, compared case-insensitively.
enum CommonPasswords {
  static func contains(_ candidate: String) -> Bool { list.contains(candidate) }

  private static let list: Set<String> = [
    "12345678", "123456789", "1234567890", "password", "password1", "password123",
    "passw0rd", "qwertyuiop", "qwerty123", "1q2w3e4r", "1q2w3e4r5t", "11111111", "00000000",
    "iloveyou", "sunshine", "princess", "football", "baseball", "welcome1", "abc12345",
    "12341234", "88888888", "87654321", "superman", "trustno1", "letmein1", "starwars",
    "whatever", "computer", "michelle", "jennifer", "corvette", "mercedes", "zaq12wsx",
    "1qaz2wsx", "qazwsxedc", "asdfghjkl", "asdfasdf", "aaaaaaaa", "changeme", "internet",
    "maverick", "samantha", "danielle", "mustang1", "liverpool", "chelsea1", "jordan23",
    "q1w2e3r4", "q1w2e3r4t5y6", "12qwaszx", "qwerty12", "987654321", "123123123", "11223344",
    "12344321", "monkey123", "dragon12", "master12", "secret12", "password!", "p@ssw0rd",
    "admin123", "administrator", "letmein!", "123456789a", "a1234567", "1234qwer", "qwer1234",
    "abcd1234", "abcdefgh", "sotto123", "sottosotto", "passphrase", "mypassword",
  ]
}
