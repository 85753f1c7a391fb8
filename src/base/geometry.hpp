// Integer pixel rectangles and the aspect-ratio fitting used for images.
#pragma once

namespace affiche {

struct Size {
    int w = 0;
    int h = 0;
    bool operator==(const Size&) const = default;
};

struct Rect {
    int x = 0;
    int y = 0;
    int w = 0;
    int h = 0;
    bool operator==(const Rect&) const = default;
    int right() const { return x + w; }
    int bottom() const { return y + h; }
    bool contains(const Rect& r) const {
        return r.x >= x && r.y >= y && r.right() <= right() && r.bottom() <= bottom();
    }
};

// Largest rectangle with the image's aspect ratio inside box, centred ("contain").
Rect fit_inside(Size image, Rect box);
// Smallest rectangle with the image's aspect ratio covering box, centred ("cover"); may exceed box.
Rect cover(Size image, Rect box);
// Scale factor that brings image within max_side x max_side (1.0 when it already fits).
double shrink_factor(Size image, int max_side);

} // namespace affiche
