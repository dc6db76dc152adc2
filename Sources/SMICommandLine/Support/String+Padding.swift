extension String {
    /// The text with spaces after it up to `width` characters (unchanged when it is as long),
    /// for columns in help and tables.
    func padded(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
