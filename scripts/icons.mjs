// Renders the app icon from electron/build-resources/icon.svg into what
// electron-builder takes from the build resources folder (electron-builder.yml):
//   icon.png            512×512, macOS (turned into .icns at packaging) and the fallback
//   icon.ico            16–256 px, the Windows installer and executable
//   icons/<n>x<n>.png   Linux desktop sizes (AppImage and deb)
// Needs ImageMagick (`convert`). The outputs are committed; run again after editing the SVG.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.join('electron', 'build-resources');
const svg = path.join(dir, 'icon.svg');
const render = (size, out) =>
  execFileSync('convert', ['-background', 'none', '-density', '384', svg, '-resize', `${size}x${size}`, '-depth', '8', '-strip', `PNG32:${out}`]);

fs.mkdirSync(path.join(dir, 'icons'), { recursive: true });
render(512, path.join(dir, 'icon.png'));
for (const size of [16, 32, 48, 64, 128, 256, 512]) render(size, path.join(dir, 'icons', `${size}x${size}.png`));
execFileSync('convert', [...[16, 32, 48, 64, 128, 256].map((s) => path.join(dir, 'icons', `${s}x${s}.png`)), path.join(dir, 'icon.ico')]);
console.log(`icons: ${dir}/icon.png, icon.ico, icons/16–512`);
