"""Tests of the PNG decoder the page checks read screenshots with."""

import os
import struct
import tempfile
import unittest
import zlib

from checks.png_pixels import png_pixels


def paeth(left, up, corner):
    estimate = left + up - corner
    distances = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
    if distances[0] <= distances[1] and distances[0] <= distances[2]:
        return left
    return up if distances[1] <= distances[2] else corner


def filtered(line, previous, kind, channels):
    """`line` encoded with PNG filter `kind` (0 none, 1 sub, 2 up, 3 average, 4 Paeth) against `previous`."""
    out = bytearray()
    for i, value in enumerate(line):
        left = line[i - channels] if i >= channels else 0
        up = previous[i]
        corner = previous[i - channels] if i >= channels else 0
        predictor = [0, left, up, (left + up) // 2, paeth(left, up, corner)][kind]
        out.append((value - predictor) & 255)
    return bytes(out)


def encode_png(rows, width, channels=3, filters=(0,)):
    """An 8-bit RGB (3 channels) or RGBA (4) PNG of `rows` (bytes of width * channels each); row n uses
    filters[n % len(filters)]."""
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    raw, previous = bytearray(), bytes(width * channels)
    for number, row in enumerate(rows):
        kind = filters[number % len(filters)]
        raw += bytes([kind]) + filtered(row, previous, kind, channels)
        previous = row
    header = struct.pack(">IIBBBBB", width, len(rows), 8, 2 if channels == 3 else 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw)))
            + chunk(b"IEND", b""))


def solid_rows(width, height, colour):
    return [bytes(colour) * width for _ in range(height)]


class PngPixelsTests(unittest.TestCase):
    def decode(self, data):
        with tempfile.NamedTemporaryFile(suffix=".png", delete=False) as file:
            file.write(data)
        self.addCleanup(os.remove, file.name)
        return png_pixels(file.name)

    def test_every_filter_type_decodes_to_the_original_pixels(self):
        width, channels = 5, 3
        rows = [bytes((x * 40 + y * 17 + c * 90) % 256 for x in range(width) for c in range(channels))
                for y in range(10)]
        for kind in range(5):
            with self.subTest(filter=kind):
                self.assertEqual(self.decode(encode_png(rows, width, channels, (kind,))),
                                 (width, 10, channels, rows))

    def test_rgba_images_report_four_channels(self):
        rows = [bytes([10, 20, 30, 255, 40, 50, 60, 128])] * 3
        width, height, channels, decoded = self.decode(encode_png(rows, 2, 4, (1, 4, 3)))
        self.assertEqual((width, height, channels, decoded), (2, 3, 4, rows))

    def test_a_file_that_is_not_a_png_is_refused(self):
        with self.assertRaises(AssertionError):
            self.decode(b"GIF89a not a png at all")

    def test_a_palette_image_is_refused(self):
        data = bytearray(encode_png(solid_rows(2, 2, (1, 2, 3)), 2))
        data[8 + 8 + 9] = 3  # IHDR colour type: palette
        with self.assertRaises(AssertionError):
            self.decode(bytes(data))


if __name__ == "__main__":
    unittest.main()
