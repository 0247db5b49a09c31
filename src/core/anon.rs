//! The anonymous respondent id a result file carries: 128 random bits made
//! once per person in their browser, so that a program can pair someone's
//! first and second attempt without knowing who they are. It holds no name,
//! no e-mail, nothing derived from the person or the machine — only chance.
//!
//! Written as 32 lowercase hexadecimal digits; anything else is refused on
//! import, so a name can never pose as an id.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An anonymous id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RespondentId(u128);

impl RespondentId {
    /// The id from 16 random bytes (the caller draws them from a
    /// cryptographic source).
    pub fn from_bytes(bytes: [u8; 16]) -> Self {
        RespondentId(u128::from_be_bytes(bytes))
    }

    /// Reads 32 hexadecimal digits; `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        if text.len() != 32 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u128::from_str_radix(text, 16).ok().map(RespondentId)
    }
}

impl std::fmt::Display for RespondentId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:032x}", self.0)
    }
}

impl Serialize for RespondentId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for RespondentId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        RespondentId::parse(&text).ok_or_else(|| {
            serde::de::Error::custom("the respondent id must be 32 hexadecimal digits")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_back_as_written_and_only_hex_is_accepted() {
        let id = RespondentId::from_bytes([0xab; 16]);
        assert_eq!(id.to_string(), "ab".repeat(16));
        assert_eq!(RespondentId::parse(&id.to_string()), Some(id));
        assert_eq!(
            RespondentId::parse("0000000000000000000000000000000f").map(|i| i.0),
            Some(15)
        );
        for bad in [
            "",
            "Ada Lovelace",
            &"g".repeat(32),
            &"a".repeat(31),
            "+aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        ] {
            assert_eq!(RespondentId::parse(bad), None, "{bad}");
        }
    }
}
