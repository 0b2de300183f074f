package io.clipfeed.storage.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * fsync of files and directories. A rename is only durable once the directory holding the new name is synced;
 * a new directory only once its parent is.
 */
final class Durably {

    private Durably() {
    }

    static void sync(Path fileOrDirectory) throws IOException {
        try (FileChannel channel = FileChannel.open(fileOrDirectory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Creates the directory (and missing parents up to an existing one), syncing each parent that changed. */
    static void createDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        createDirectories(directory.getParent());
        try {
            Files.createDirectory(directory);
            sync(directory.getParent());
        } catch (FileAlreadyExistsException concurrentlyCreated) {
            // another put created it first: it is there, which is all we need
        }
    }
}
