"""Stop reading an uploaded file as soon as it passes the size limit, instead of spooling a huge
body to disk first; the view then tells the user the limit."""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload


class SizeLimitHandler(FileUploadHandler):
    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.TECHPOLICY_MAX_UPLOAD_BYTES:
            self.request.upload_too_large = True
            raise StopUpload(connection_reset=False)
        return raw_data  # hand the chunk on to the next handler

    def file_complete(self, file_size):
        return None
