//! The index's files, memory-mapped: the document stores and the columns without read-ahead,
//! everything else with the kernel's.
//!
//! A stored document is read alone, from a 4 KB block anywhere in its segment's store (a hit's
//! title and summary, a map point's brief), and a column is read at the documents a query
//! matched, so reading ahead only fills memory with pages nobody asked for. At 10M events under
//! a 1 GB memory cap, a points answer (5,000 briefs) read ahead for each brief and took 1 to 20 s;
//! without read-ahead on the stores and columns every answer took about what it takes uncapped
//! (docs/benchmarks.md). The price is a cold page cache: the first searches after a boot read
//! their columns page by page, three searches at 10M in 3.5 s instead of 1.2 s. Postings and
//! term dictionaries are read in runs, and keep the read-ahead.

use std::path::Path;
use std::sync::Arc;
use tantivy::directory::error::{
    DeleteError, LockError, OpenDirectoryError, OpenReadError, OpenWriteError,
};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};

/// An index directory whose document stores (`*.store`) and columns (`*.fast`) are mapped with
/// `MADV_RANDOM`.
#[derive(Clone, Debug)]
pub(crate) struct Files {
    all: MmapDirectory,
    stores: MmapDirectory,
}

impl Files {
    /// The directory `dir`, which must exist.
    pub(crate) fn open(dir: &Path) -> Result<Files, OpenDirectoryError> {
        Ok(Files {
            all: MmapDirectory::open(dir)?,
            stores: without_read_ahead(dir)?,
        })
    }
}

#[cfg(unix)]
fn without_read_ahead(dir: &Path) -> Result<MmapDirectory, OpenDirectoryError> {
    MmapDirectory::open_with_madvice(dir, tantivy::directory::Advice::Random)
}

/// Elsewhere tantivy cannot advise the kernel: the same mapping as the other files.
#[cfg(not(unix))]
fn without_read_ahead(dir: &Path) -> Result<MmapDirectory, OpenDirectoryError> {
    MmapDirectory::open(dir)
}

fn read_alone(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e == "store" || e == "fast")
}

impl Directory for Files {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        if read_alone(path) {
            self.stores.get_file_handle(path)
        } else {
            self.all.get_file_handle(path)
        }
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.all.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.all.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.all.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.all.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.all.atomic_write(path, data)
    }

    fn sync_directory(&self) -> std::io::Result<()> {
        self.all.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.all.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.all.watch(watch_callback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_and_other_files_are_read_back_from_the_same_directory() {
        let dir = tempfile::tempdir().unwrap();
        let files = Files::open(dir.path()).unwrap();
        for (name, bytes) in [("a.store", b"stored".as_slice()), ("a.idx", b"postings")] {
            let mut w = files.open_write(Path::new(name)).unwrap();
            std::io::Write::write_all(&mut w, bytes).unwrap();
            tantivy::directory::TerminatingWrite::terminate(w).unwrap();
            let read = files.open_read(Path::new(name)).unwrap();
            assert_eq!(read.read_bytes().unwrap().as_slice(), bytes);
            assert!(files.exists(Path::new(name)).unwrap());
        }
        assert!(read_alone(Path::new("0a1b.store")) && read_alone(Path::new("0a1b.fast")));
        assert!(!read_alone(Path::new("0a1b.idx")) && !read_alone(Path::new("meta.json")));
    }
}
