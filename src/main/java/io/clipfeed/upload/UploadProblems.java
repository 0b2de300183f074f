package io.clipfeed.upload;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

import io.clipfeed.platform.ApiProblem;

/** The tus-specific problems, with the statuses the tus 1.0.0 specification assigns them. */
final class UploadProblems {

    static final HttpStatusCode CHECKSUM_MISMATCH = HttpStatusCode.valueOf(460);

    private UploadProblems() {
    }

    static ApiProblem tooLarge(String detail) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", detail);
    }

    static ApiProblem checksumMismatch() {
        return new ApiProblem(CHECKSUM_MISMATCH, "Checksum mismatch",
                "The chunk does not match its Upload-Checksum; it was discarded. Send it again.");
    }

    static ApiProblem offsetMismatch(long expected, long given) {
        return new ApiProblem(HttpStatus.CONFLICT, "Offset mismatch", "Upload-Offset " + given
                + " does not match the upload's offset " + expected + "; ask with HEAD and resume from there.")
                .with("offset", expected);
    }

    static ApiProblem busy() {
        return new ApiProblem(HttpStatus.LOCKED, "Upload busy",
                "Another request is writing to this upload; retry when it has finished.");
    }

    static ApiProblem unsupportedType(UploadSettings settings) {
        return new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "File type not accepted",
                "Only video files can be uploaded: say so with the 'filetype' metadata (one of "
                        + String.join(", ", settings.acceptedTypes()) + ") or a 'filename' ending in one of "
                        + String.join(", ", settings.acceptedExtensions()) + ".");
    }
}
