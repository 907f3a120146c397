#!/usr/bin/env bash
# Renders the icon's PNGs (the hicolor sizes the package installs and the
# window shows) from journey-designer.svg. Needs rsvg-convert (Debian:
# librsvg2-bin). The PNGs are committed: building the package needs no tool.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 32 48 64 128 256; do
    rsvg-convert -w "$size" -h "$size" journey-designer.svg -o "journey-designer-$size.png"
done
