package io.clipfeed.delivery;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoAccess;
import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.CurrentUsers;
import io.clipfeed.storage.Blob;
import io.clipfeed.storage.BlobNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET|HEAD /media/v/{videoId}/{expires}/{signature}/{sha256}.{ext}}: every file of a video (MP4 renditions,
 * HLS playlists and segments, covers, previews, subtitles) under one signed prefix, so the relative URIs inside a
 * playlist resolve under the same signature.
 */
@Controller
class MediaController {

    private final MediaAccess access;
    private final ServedBlobs blobs;
    private final MediaTransfer transfer;

    MediaController(MediaAccess access, ServedBlobs blobs, MediaTransfer transfer) {
        this.access = access;
        this.blobs = blobs;
        this.transfer = transfer;
    }

    @RequestMapping(path = "/media/v/{videoId}/{expires}/{signature}/{file}",
            method = {RequestMethod.GET, RequestMethod.HEAD})
    void serve(@PathVariable String videoId, @PathVariable String expires, @PathVariable String signature,
            @PathVariable String file, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        MediaPath path = MediaPath.parse(videoId, expires, signature, file)
                .orElseThrow(() -> ApiProblem.notFound("No media file has this address."));
        Video video = access.check(path, CurrentUsers.current());
        Blob blob = blobs.find(path.sha256())
                .orElseThrow(() -> ApiProblem.notFound("This file is no longer stored."));
        Instant modified = video.createdAt() == null ? Instant.EPOCH : video.createdAt();
        try {
            MediaResponse.write(request, response, path, blob, modified,
                    !VideoAccess.isOpen(video), transfer);
        } catch (NoSuchFileException | FileNotFoundException | BlobNotFoundException e) {
            // released between lookup and read: forget it and answer as for any missing file
            blobs.forget(path.sha256());
            if (response.isCommitted()) {
                return; // nothing more can be said; the short body tells the client
            }
            response.reset();
            throw ApiProblem.notFound("This file is no longer stored.");
        }
    }
}
