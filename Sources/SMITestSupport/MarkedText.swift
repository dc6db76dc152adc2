public import SMICore

/// Inline test input with a marker (`⚑`) where a diagnostic must point, so positions are
/// not counted by hand.
public struct MarkedText {
    /// The marker character.
    public static let marker: Character = "⚑"

    /// The text without the marker.
    public let text: String
    /// Where the marker was, as the reader reports locations (1-based, Unicode scalars).
    public let location: SourceLocation

    /// Removes the marker from `marked` and records where it was.
    public init(_ marked: String) {
        var line = 1
        var column = 1
        var found: SourceLocation?
        var text = ""
        for ch in marked {
            if ch == Self.marker {
                found = SourceLocation(line: line, column: column)
                continue
            }
            text.append(ch)
            if ch == "\n" {
                line += 1
                column = 1
            } else {
                column += ch.unicodeScalars.count
            }
        }
        self.text = text
        self.location = found ?? SourceLocation(line: 0, column: 0)
    }
}
