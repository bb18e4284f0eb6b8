"""Configurable U-Net for 1-channel scans (config 'model' section, see config.DEFAULTS).

Shape: a cheap full-resolution stem (few channels) keeps 1-px curves sharp through a skip straight
into a full-resolution head; the heavier encoder/decoder runs at 1/2 .. 1/2^L resolution, where most
of the context (grid vs curve vs text, dashes of broken curves) is seen at little cost per pixel.
Blocks are plain 3x3 convs or depthwise-separable (depthwise 3x3 + pointwise 1x1), each followed by
BatchNorm (folded into the conv at ONNX export) and ReLU."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def conv_bn_relu(cin, cout, k=3, stride=1, groups=1, relu=True):
    layers = [nn.Conv2d(cin, cout, k, stride, k // 2, groups=groups, bias=False), nn.BatchNorm2d(cout)]
    if relu:
        layers.append(nn.ReLU(inplace=True))
    return layers


def block(kind, cin, cout, stride=1):
    if kind == "plain":
        return nn.Sequential(*conv_bn_relu(cin, cout, 3, stride))
    # depthwise 3x3 (no ReLU between: MobileNetV2-style linear depthwise) then pointwise 1x1 + ReLU
    return nn.Sequential(*conv_bn_relu(cin, cin, 3, stride, groups=cin, relu=False),
                         *conv_bn_relu(cin, cout, 1))


class Up(nn.Module):
    def __init__(self, mode, channels):
        super().__init__()
        self.mode = mode
        if mode == "transpose":
            self.conv = nn.ConvTranspose2d(channels, channels, 2, stride=2)

    def forward(self, x):
        if self.mode == "transpose":
            return self.conv(x)
        if self.mode == "bilinear":
            return F.interpolate(x, scale_factor=2.0, mode="bilinear", align_corners=False)
        return F.interpolate(x, scale_factor=2.0, mode="nearest")


class Down(nn.Module):
    def __init__(self, mode, kind, cin, cout, n_blocks):
        super().__init__()
        if mode == "maxpool":
            first = nn.Sequential(nn.MaxPool2d(2), block(kind, cin, cout))
        else:
            first = block(kind, cin, cout, stride=2)
        self.body = nn.Sequential(first, *[block(kind, cout, cout) for _ in range(n_blocks - 1)])

    def forward(self, x):
        return self.body(x)


class UNet(nn.Module):
    """image [N,1,H,W] in [0,1] (H, W multiples of config.multiple_of) -> logits [N,C,H,W]."""

    def __init__(self, mcfg, n_classes):
        super().__init__()
        kind, widths, stem = mcfg["block"], mcfg["widths"], mcfg["stem"]
        self.input_scale = mcfg["inputScale"]
        stem_layers = conv_bn_relu(1, stem, 3)
        for _ in range(mcfg["stemConvs"] - 1):
            stem_layers += list(block(kind, stem, stem))
        self.stem = nn.Sequential(*stem_layers)
        chans = [stem] + list(widths)
        self.downs = nn.ModuleList(Down(mcfg["downsample"], kind, chans[i], chans[i + 1], mcfg["blocksPerLevel"])
                                   for i in range(len(widths)))
        # decoder level i merges up(level i+1) with skip level i, either concatenated
        # (chans[i+1] + chans[i] -> chans[i]) or, cheaper at high resolution, added after a 1x1
        # projection to chans[i] done at the low resolution, before upsampling
        self.add = mcfg["merge"] == "add"
        up_ch = [chans[i] if self.add else chans[i + 1] for i in range(len(widths))]
        self.projs = nn.ModuleList((nn.Sequential(*conv_bn_relu(chans[i + 1], chans[i], 1, relu=False))
                                    if self.add else nn.Identity()) for i in range(len(widths)))
        self.ups = nn.ModuleList(Up(mcfg["upsample"], up_ch[i]) for i in range(len(widths)))
        self.merges = nn.ModuleList(block(kind, chans[i] if self.add else chans[i + 1] + chans[i], chans[i])
                                    for i in range(len(widths)))
        self.head = nn.Conv2d(stem, n_classes, 1)

    def forward(self, image):
        x = image
        if self.input_scale == 2:
            x = F.avg_pool2d(x, 2)
        # 2x - 1: centre the [0, 1] input; paper ~ +1, ink ~ -1
        skips = [self.stem(x * 2.0 - 1.0)]
        for down in self.downs:
            skips.append(down(skips[-1]))
        y = skips[-1]
        for i in reversed(range(len(self.downs))):
            up = self.ups[i](self.projs[i](y))
            y = self.merges[i](up + skips[i] if self.add else torch.cat([up, skips[i]], dim=1))
        logits = self.head(y)
        if self.input_scale == 2:
            logits = F.interpolate(logits, scale_factor=2.0, mode="bilinear", align_corners=False)
        return logits


def build_model(cfg, n_classes):
    return UNet(cfg["model"], n_classes)


def count_params(model):
    return sum(p.numel() for p in model.parameters())


def macs_per_pixel(model, size=256):
    """Multiply-accumulates per input pixel, counted with forward hooks on every Conv2d and
    ConvTranspose2d (BatchNorm is folded into the convs at export; ReLU, resize, concat and the
    final bias adds are not MACs). Counted on one size x size image, divided by size^2."""
    total = [0]

    def conv_hook(mod, inp, out):
        k = mod.kernel_size[0] * mod.kernel_size[1] * (mod.in_channels // mod.groups)
        if isinstance(mod, nn.ConvTranspose2d):
            # each input element scatters into k_h*k_w*out_channels/groups outputs
            total[0] += inp[0].numel() * mod.kernel_size[0] * mod.kernel_size[1] * (mod.out_channels // mod.groups)
        else:
            total[0] += out.numel() * k

    hooks = [m.register_forward_hook(conv_hook) for m in model.modules()
             if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d))]
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            model(torch.zeros(1, 1, size, size))
    finally:
        for h in hooks:
            h.remove()
        model.train(was_training)
    return total[0] / (size * size)


def context_needed(model, multiple, size=None):
    """Context in px that a tile needs on each side of its core for tiled inference to equal
    whole-image inference, given cores and inputs that start on multiples of `multiple` (as the
    engine's tile plan makes them; src/ml/tiling.ts). Nearest upsampling makes the receptive field
    depend on a pixel's phase p on the stride grid: it reaches L_p px up/left and R_p px down/right,
    so a core needs max_p(L_p - p) px before it and max_p(R_p + p + 1 - multiple) after it.
    Measured by back-propagating from an output pixel at each phase through a copy whose conv weights
    are made positive and whose ReLUs all pass, so no path cancels or is cut (an upper bound of any
    trained weights' reach). Returns {"reach": max L_p or R_p, "before": px, "after": px}."""
    import copy
    net = copy.deepcopy(model).eval()
    with torch.no_grad():
        for m in net.modules():
            if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
                m.weight.abs_().add_(1e-3)
                if m.bias is not None:
                    m.bias.fill_(1.0)
            elif isinstance(m, nn.BatchNorm2d):
                m.running_mean.zero_(), m.running_var.fill_(1.0), m.weight.fill_(1.0), m.bias.fill_(1.0)
    size = size or multiple * 16
    x = torch.ones(1, 1, size, size, requires_grad=True)   # all ones: every pre-ReLU value is positive
    y = net(x)
    reach = before = after = 0
    for p in range(multiple):
        c = size // 2 + p   # size // 2 is a multiple of `multiple`: c has phase p
        g, = torch.autograd.grad(y[0, :, c, c].sum(), x, retain_graph=True)
        idx = torch.nonzero(g[0, 0] != 0)
        left, right = int(c - idx.min()), int(idx.max() - c)
        reach = max(reach, left, right)
        before, after = max(before, left - p), max(after, right + p + 1 - multiple)
    if reach >= size // 2 - multiple:   # the probe may have cut the field: look again on a larger one
        return context_needed(model, multiple, size * 2)
    return {"reach": reach, "before": before, "after": after}
