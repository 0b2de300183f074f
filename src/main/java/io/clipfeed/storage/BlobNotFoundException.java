package io.clipfeed.storage;

/** No referenced blob has this key: it was never stored, or its last reference was released. */
public class BlobNotFoundException extends RuntimeException {

    private final transient BlobKey key;

    public BlobNotFoundException(BlobKey key) {
        super("no stored blob with key " + key);
        this.key = key;
    }

    public BlobKey key() {
        return key;
    }
}
