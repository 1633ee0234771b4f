namespace Vrf.Digits.Imaging;

/// <summary>Which pixels of an image are the writing.</summary>
public enum InkPolarity
{
    /// <summary>Decided per image from its border: a light border (mean above 127) means dark ink on light paper.</summary>
    Auto,

    /// <summary>Light strokes on a dark background, as MNIST stores digits.</summary>
    LightOnDark,

    /// <summary>Dark strokes on a light background, as on paper.</summary>
    DarkOnLight,
}
