//! A small JSON reader for the data files (RFC 8259).
//!
//! Why not `serde_json::Value` (used before, and still the oracle of the tests): the app only
//! reads JSON into a tree that the validator walks field by field, and that path cost ~25 KB of
//! the WASM (deserializer, `BTreeMap` objects, error machinery) and most of the load time of large
//! files (a `BTreeMap` per record). Here objects are vectors of pairs in file order, numbers are
//! `f64` (a number out of range becomes infinite, so the validator rejects one record, not the
//! whole file), nesting is limited (`MAX_DEPTH`) and errors give line and column.

use std::fmt;

/// Deeper nesting is refused (the data files need 5 levels).
pub const MAX_DEPTH: usize = 128;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number, as the nearest `f64` (infinite when out of range).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(pub f64);

impl Number {
    pub fn as_f64(&self) -> Option<f64> {
        Some(self.0)
    }
    /// The number as an unsigned integer, when it is one exactly (up to 2^53).
    pub fn as_u64(&self) -> Option<u64> {
        let x = self.0;
        (x.is_finite() && x >= 0.0 && x.fract() == 0.0 && x <= 9_007_199_254_740_992.0).then_some(x as u64)
    }
}

/// For messages: integers in full, other numbers with up to 6 decimals (no float formatting
/// machinery in the WASM), "1e999" beyond what a double holds.
impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.0;
        if !x.is_finite() {
            return f.write_str(if x < 0.0 { "-1e999" } else { "1e999" });
        }
        if x.abs() >= 1e15 {
            return f.write_str(if x < 0.0 { "-1e15+" } else { "1e15+" });
        }
        let micro = (x.abs() * 1e6).round() as u64;
        let (int, mut frac) = (micro / 1_000_000, micro % 1_000_000);
        if x < 0.0 && micro > 0 {
            f.write_str("-")?;
        }
        write!(f, "{int}")?;
        if frac > 0 {
            let mut width = 6;
            while frac % 10 == 0 {
                frac /= 10;
                width -= 1;
            }
            write!(f, ".{frac:0width$}")?;
        }
        Ok(())
    }
}

/// A JSON object: its members in file order. With a repeated key, the last one counts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map(pub Vec<(String, Value)>);

impl Map {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Value {
    /// A member of an object (None for other values).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(m) => m.get(key),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => n.as_f64(),
            _ => None,
        }
    }
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

/// Compact JSON (for short quotes of values in messages).
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => f.write_str(if *b { "true" } else { "false" }),
            Value::Number(n) => write!(f, "{n}"),
            Value::String(s) => write_str(f, s),
            Value::Array(a) => {
                f.write_str("[")?;
                for (i, v) in a.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{v}")?;
                }
                f.write_str("]")
            }
            Value::Object(m) => {
                f.write_str("{")?;
                for (i, (k, v)) in m.0.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write_str(f, k)?;
                    write!(f, ":{v}")?;
                }
                f.write_str("}")
            }
        }
    }
}

fn write_str(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    f.write_str("\"")?;
    for c in s.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            c if (c as u32) < 0x20 => write!(f, "\\u{:04x}", c as u32)?,
            c => write!(f, "{c}")?,
        }
    }
    f.write_str("\"")
}

/// Why a text is not JSON, and where (1-based line and column, in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text ends in the middle of a value (a truncated file).
    Eof,
    /// Anything else that is not JSON.
    Syntax,
    /// Nesting deeper than `MAX_DEPTH`.
    TooDeep,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ErrorKind::Eof => "fin de fichier inattendue, le fichier semble tronqué",
            ErrorKind::Syntax => "erreur de syntaxe",
            ErrorKind::TooDeep => "imbrication trop profonde",
        };
        write!(f, "{what}, ligne {}, colonne {}", self.line, self.column)
    }
}

/// Parses a whole text as one JSON value (whitespace around it allowed).
pub fn from_str(text: &str) -> Result<Value, Error> {
    Parser { text, bytes: text.as_bytes(), pos: 0, stream: None }.document()
}

/// `from_str`, except that the items of the top-level object's array `list_key` are handed to
/// `on_item` one by one as they are read, and that array is left empty in the result: memory
/// holds one item's tree at a time (a file with a large record list).
pub fn from_str_streaming(text: &str, list_key: &str, on_item: &mut dyn FnMut(Value)) -> Result<Value, Error> {
    Parser { text, bytes: text.as_bytes(), pos: 0, stream: Some((list_key, on_item)) }.document()
}

struct Parser<'a, 'f> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    stream: Option<(&'a str, &'f mut dyn FnMut(Value))>,
}

impl Parser<'_, '_> {
    /// One value and nothing after it but whitespace.
    fn document(&mut self) -> Result<Value, Error> {
        let v = self.value(0)?;
        self.skip_ws();
        if self.pos < self.bytes.len() {
            return Err(self.error(ErrorKind::Syntax));
        }
        Ok(v)
    }

    fn error(&self, kind: ErrorKind) -> Error {
        let kind = if self.pos >= self.bytes.len() && kind == ErrorKind::Syntax { ErrorKind::Eof } else { kind };
        let at = self.pos.min(self.bytes.len());
        let before = &self.bytes[..at];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        // Characters, not bytes: count the bytes that start a UTF-8 character.
        let column = 1 + before[line_start..].iter().filter(|&&b| (b & 0xC0) != 0x80).count();
        Error { kind, line, column }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn expect(&mut self, b: u8) -> Result<(), Error> {
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(ErrorKind::Syntax))
        }
    }

    fn literal(&mut self, word: &str, v: Value) -> Result<Value, Error> {
        let end = self.pos + word.len();
        if self.bytes.get(self.pos..end) == Some(word.as_bytes()) {
            self.pos = end;
            return Ok(v);
        }
        // A prefix of the word up to the end of the text: truncated.
        let rest = &self.bytes[self.pos..];
        if rest.len() < word.len() && word.as_bytes().starts_with(rest) {
            self.pos = self.bytes.len();
            return Err(self.error(ErrorKind::Eof));
        }
        Err(self.error(ErrorKind::Syntax))
    }

    fn value(&mut self, depth: usize) -> Result<Value, Error> {
        self.skip_ws();
        match self.peek() {
            None => Err(self.error(ErrorKind::Eof)),
            Some(b'{') => {
                if depth >= MAX_DEPTH {
                    return Err(self.error(ErrorKind::TooDeep));
                }
                self.pos += 1;
                let mut members = Vec::new();
                self.skip_ws();
                if self.peek() == Some(b'}') {
                    self.pos += 1;
                    return Ok(Value::Object(Map(members)));
                }
                loop {
                    self.skip_ws();
                    if self.peek() != Some(b'"') {
                        return Err(self.error(ErrorKind::Syntax));
                    }
                    let k = self.string()?;
                    self.skip_ws();
                    self.expect(b':')?;
                    self.skip_ws();
                    let streamed = depth == 0 && self.peek() == Some(b'[') && self.stream.as_ref().is_some_and(|(key, _)| *key == k);
                    let v = if streamed { self.stream_array(depth + 1)? } else { self.value(depth + 1)? };
                    members.push((k, v));
                    self.skip_ws();
                    match self.peek() {
                        Some(b',') => self.pos += 1,
                        Some(b'}') => {
                            self.pos += 1;
                            return Ok(Value::Object(Map(members)));
                        }
                        _ => return Err(self.error(ErrorKind::Syntax)),
                    }
                }
            }
            Some(b'[') => {
                if depth >= MAX_DEPTH {
                    return Err(self.error(ErrorKind::TooDeep));
                }
                self.pos += 1;
                let mut items = Vec::new();
                self.skip_ws();
                if self.peek() == Some(b']') {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.skip_ws();
                    match self.peek() {
                        Some(b',') => self.pos += 1,
                        Some(b']') => {
                            self.pos += 1;
                            return Ok(Value::Array(items));
                        }
                        _ => return Err(self.error(ErrorKind::Syntax)),
                    }
                }
            }
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error(ErrorKind::Syntax)),
        }
    }

    /// The streamed array: each item goes to the callback; an empty array stands in its place.
    fn stream_array(&mut self, depth: usize) -> Result<Value, Error> {
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(Vec::new()));
        }
        loop {
            let item = self.value(depth + 1)?;
            if let Some((_, f)) = self.stream.as_mut() {
                f(item);
            }
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(Vec::new()));
                }
                _ => return Err(self.error(ErrorKind::Syntax)),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Value, Error> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error(ErrorKind::Syntax)),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.error(ErrorKind::Syntax));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error(ErrorKind::Syntax));
            }
        }
        Ok(Value::Number(Number(decimal_to_f64(&self.bytes[start..self.pos]))))
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.error(ErrorKind::Syntax)),
            };
            n = n * 16 + d as u32;
            self.pos += 1;
        }
        Ok(n)
    }

    /// A string, the opening quote being at `pos`.
    fn string(&mut self) -> Result<String, Error> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // `"`, `\` and control bytes are ASCII: the slice ends on a character boundary.
            out.push_str(&self.text[start..self.pos]);
            match self.peek() {
                None => return Err(self.error(ErrorKind::Eof)),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = match self.peek() {
                        None => return Err(self.error(ErrorKind::Eof)),
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                // A high surrogate must be followed by a low one.
                                if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                                    return Err(self.error(ErrorKind::Syntax));
                                }
                                self.pos += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.error(ErrorKind::Syntax));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            match char::from_u32(code) {
                                Some(c) => {
                                    out.push(c);
                                    continue;
                                }
                                None => return Err(self.error(ErrorKind::Syntax)),
                            }
                        }
                        Some(_) => return Err(self.error(ErrorKind::Syntax)),
                    };
                    self.pos += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.error(ErrorKind::Syntax)),
            }
        }
    }
}

/// The value of a JSON number already checked by the grammar. Exact (correctly rounded) for up to
/// 15 significant digits and a decimal exponent within ±22, which covers every amount, year and
/// coordinate of the data; beyond, within a few units in the last place. Written here because
/// `f64::from_str` brings ~15 KB of tables into the WASM.
fn decimal_to_f64(s: &[u8]) -> f64 {
    let (neg, s) = match s.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, s),
    };
    let mut mantissa: u64 = 0;
    let mut digits = 0u32;
    let mut exp: i64 = 0;
    let mut i = 0;
    let mut after_point = false;
    while i < s.len() {
        match s[i] {
            b'0'..=b'9' => {
                if digits < 19 {
                    mantissa = mantissa * 10 + u64::from(s[i] - b'0');
                    if mantissa > 0 {
                        digits += 1;
                    }
                    if after_point {
                        exp -= 1;
                    }
                } else if !after_point {
                    exp += 1;
                }
            }
            b'.' => after_point = true,
            _ => break,
        }
        i += 1;
    }
    if i < s.len() {
        // Exponent part: e, E, an optional sign, digits (saturating: 1e99999 is infinite).
        i += 1;
        let sign = match s.get(i) {
            Some(b'-') => {
                i += 1;
                -1
            }
            Some(b'+') => {
                i += 1;
                1
            }
            _ => 1,
        };
        let mut e: i64 = 0;
        for &b in &s[i..] {
            e = (e * 10 + i64::from(b - b'0')).min(100_000);
        }
        exp += sign * e;
    }
    const POW10: [f64; 23] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
    let m = mantissa as f64;
    let x = if mantissa == 0 {
        0.0
    } else if mantissa < (1u64 << 53) && (-22..=22).contains(&exp) {
        // Both factors are exact doubles: one rounding, the correct one.
        if exp >= 0 {
            m * POW10[exp as usize]
        } else {
            m / POW10[(-exp) as usize]
        }
    } else if exp > 400 {
        f64::INFINITY
    } else if exp < -400 {
        0.0
    } else {
        // Scale in steps that stay in range (10^±200 at most per step).
        let mut x = m;
        let mut e = exp as i32;
        while e > 0 {
            let k = e.min(200);
            x *= 10f64.powi(k);
            e -= k;
        }
        while e < 0 {
            let k = (-e).min(200);
            x /= 10f64.powi(k);
            e += k;
        }
        x
    };
    if neg {
        -x
    } else {
        x
    }
}

#[cfg(test)]
mod tests;
