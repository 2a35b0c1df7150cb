//! The pages an uploader holds before it sends them, as one plain value:
//! added within the submission's limits, moved, removed. No browser here,
//! so it is tested natively.

use portal_domain::documents::{DocumentError, FileType, MAX_PAGES, MAX_SUBMISSION_BYTES};
use std::sync::Arc;

/// One page waiting to be sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// Stable while the page is moved, so its controls keep their focus.
    pub id: u32,
    /// The member's name for it (the file's, or "camera photo 2"), shown
    /// and used in messages; never sent.
    pub name: String,
    pub file_type: FileType,
    pub bytes: Arc<Vec<u8>>,
    /// An object URL of the image as it will be sent; `None` for a PDF.
    pub preview: Option<String>,
}

/// The pages in the order they will be sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageList {
    pages: Vec<Page>,
    next_id: u32,
}

impl PageList {
    pub fn pages(&self) -> &[Page] {
        &self.pages
    }

    pub fn len(&self) -> usize {
        self.pages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    pub fn total_bytes(&self) -> u64 {
        self.pages.iter().map(|p| p.bytes.len() as u64).sum()
    }

    /// Whether one more page fits at all (before reading it).
    pub fn has_room(&self) -> Result<(), DocumentError> {
        if self.pages.len() >= MAX_PAGES {
            Err(DocumentError::TooManyPages)
        } else {
            Ok(())
        }
    }

    /// Adds a page of `bytes` at the end if it fits the submission's
    /// limits (count, then total size), and gives its id.
    pub fn add(
        &mut self,
        name: String,
        file_type: FileType,
        bytes: Vec<u8>,
        preview: Option<String>,
    ) -> Result<u32, DocumentError> {
        self.has_room()?;
        if self.total_bytes() + bytes.len() as u64 > MAX_SUBMISSION_BYTES as u64 {
            return Err(DocumentError::SubmissionTooLarge);
        }
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        self.pages.push(Page {
            id,
            name,
            file_type,
            bytes: Arc::new(bytes),
            preview,
        });
        Ok(id)
    }

    /// Where the page `id` is (0-based).
    pub fn position(&self, id: u32) -> Option<usize> {
        self.pages.iter().position(|p| p.id == id)
    }

    /// Moves the page one place towards the start (`up`) or the end; its
    /// new position, or `None` when it cannot move that way.
    pub fn shift(&mut self, id: u32, up: bool) -> Option<usize> {
        let at = self.position(id)?;
        let to = if up {
            at.checked_sub(1)?
        } else {
            (at + 1 < self.pages.len()).then_some(at + 1)?
        };
        self.pages.swap(at, to);
        Some(to)
    }

    /// Takes the page out; it is returned so its preview can be freed.
    pub fn remove(&mut self, id: u32) -> Option<Page> {
        let at = self.position(id)?;
        Some(self.pages.remove(at))
    }

    /// Every page out (after a submission is received).
    pub fn clear(&mut self) -> Vec<Page> {
        std::mem::take(&mut self.pages)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_domain::documents::MAX_DOCUMENT_BYTES;

    fn list(names: &[&str]) -> PageList {
        let mut l = PageList::default();
        for n in names {
            assert!(l.add((*n).into(), FileType::Jpeg, vec![1], None).is_ok());
        }
        l
    }

    fn names(l: &PageList) -> Vec<&str> {
        l.pages().iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn pages_move_and_go() {
        let mut l = list(&["a", "b", "c"]);
        let b = l.pages()[1].id;
        assert_eq!(l.shift(b, true), Some(0));
        assert_eq!(names(&l), ["b", "a", "c"]);
        assert_eq!(l.shift(b, true), None);
        assert_eq!(l.shift(b, false), Some(1));
        assert_eq!(l.shift(b, false), Some(2));
        assert_eq!(l.shift(b, false), None);
        assert_eq!(names(&l), ["a", "c", "b"]);
        assert_eq!(l.remove(b).map(|p| p.name), Some("b".to_owned()));
        assert_eq!(l.remove(b), None);
        assert_eq!(names(&l), ["a", "c"]);
        // Ids are never reused, so a control never names another page.
        let d = l.add("d".into(), FileType::Pdf, vec![2], None);
        assert_eq!(d, Ok(3));
        assert_eq!(l.total_bytes(), 3);
        assert_eq!(l.clear().len(), 3);
        assert!(l.is_empty());
    }

    #[test]
    fn the_submission_limits_hold() {
        let mut l = list(&["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
        assert_eq!(l.has_room(), Err(DocumentError::TooManyPages));
        assert_eq!(
            l.add("11".into(), FileType::Png, vec![1], None),
            Err(DocumentError::TooManyPages)
        );
        let mut l = PageList::default();
        let nine_mb = vec![0; 9 * 1024 * 1024];
        assert!(l
            .add("a".into(), FileType::Pdf, nine_mb.clone(), None)
            .is_ok());
        assert!(l
            .add("b".into(), FileType::Pdf, nine_mb.clone(), None)
            .is_ok());
        assert_eq!(
            l.add("c".into(), FileType::Pdf, nine_mb, None),
            Err(DocumentError::SubmissionTooLarge)
        );
        assert!(l
            .add(
                "d".into(),
                FileType::Pdf,
                vec![0; MAX_DOCUMENT_BYTES / 10],
                None
            )
            .is_ok());
        assert_eq!(l.len(), 3);
    }
}
