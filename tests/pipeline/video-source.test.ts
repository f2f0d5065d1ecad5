// Video sources: local files, YouTube and Vimeo addresses, pages, and what is wrong with the rest.
import { describe, expect, it } from 'vitest';
import {
  checkMediaFile, checkPageAddress, classifyVideoSource, embedUrl, formatSeconds, toSeconds, watchUrl,
} from '../../src/pipeline/video-source.js';

describe('classifyVideoSource', () => {
  it.each([
    ['media/thielke.mp4', { kind: 'local', path: 'media/thielke.mp4', format: 'mp4' }],
    ['../media/Kjær.WEBM', { kind: 'local', path: '../media/Kjær.WEBM', format: 'webm' }],
    ['https://www.youtube.com/watch?v=aqz-KE-bpKQ', { kind: 'youtube', id: 'aqz-KE-bpKQ' }],
    ['https://youtu.be/aqz-KE-bpKQ?t=95', { kind: 'youtube', id: 'aqz-KE-bpKQ', start: 95 }],
    ['https://m.youtube.com/watch?v=aqz-KE-bpKQ&t=1m35s', { kind: 'youtube', id: 'aqz-KE-bpKQ', start: 95 }],
    ['https://www.youtube.com/embed/aqz-KE-bpKQ', { kind: 'youtube', id: 'aqz-KE-bpKQ' }],
    ['https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?start=12', { kind: 'youtube', id: 'aqz-KE-bpKQ', start: 12 }],
    ['https://www.youtube.com/shorts/aqz-KE-bpKQ', { kind: 'youtube', id: 'aqz-KE-bpKQ' }],
    ['https://vimeo.com/76979871', { kind: 'vimeo', id: '76979871' }],
    ['https://vimeo.com/76979871/3f5a2b9c1d', { kind: 'vimeo', id: '76979871', hash: '3f5a2b9c1d' }],
    ['https://player.vimeo.com/video/76979871?h=3f5a2b9c1d', { kind: 'vimeo', id: '76979871', hash: '3f5a2b9c1d' }],
    ['https://vimeo.com/channels/staffpicks/76979871', { kind: 'vimeo', id: '76979871' }],
    ['https://www.kl.dk/politik/sociale-medier/', { kind: 'page', url: 'https://www.kl.dk/politik/sociale-medier/' }],
  ])('%s', (value, expected) => {
    expect(classifyVideoSource(value)).toEqual(expected);
  });

  it.each([
    ['media/film.mov', 'E_MEDIA_FORMAT', 'unsupported video format ".mov"'],
    ['media/film', 'E_MEDIA_FORMAT', 'no file extension'],
    ['www.youtube.com/watch?v=aqz-KE-bpKQ', 'E_VIDEO_ADDRESS', 'has no "https://"'],
    ['youtu.be/aqz-KE-bpKQ', 'E_VIDEO_ADDRESS', 'has no "https://"'],
    ['htps://www.kl.dk/', 'E_VIDEO_ADDRESS', 'only http:// and https://'],
    ['https:/www.kl.dk/', 'E_VIDEO_ADDRESS', 'expected "://" after "https"'],
    ['https//www.kl.dk/', 'E_VIDEO_ADDRESS', 'expected "://" after "https"'],
    ['https://www.kl.dk/sociale medier', 'E_VIDEO_ADDRESS', 'contains a space'],
    ['https://kl/video', 'E_VIDEO_ADDRESS', 'not a host name'],
    ['https://www.youtube.com/watch?v=kort', 'E_VIDEO_ADDRESS', 'not the address of a YouTube video'],
    ['https://www.youtube.com/playlist?list=PL123', 'E_VIDEO_ADDRESS', 'a YouTube playlist'],
    ['https://www.youtube.com/@KLkommuner', 'E_VIDEO_ADDRESS', 'not the address of a YouTube video'],
    ['https://vimeo.com/kl', 'E_VIDEO_ADDRESS', 'not the address of a Vimeo video'],
    ['https://cdn.example.com/film.mp4', 'E_VIDEO_ADDRESS', 'a video file on the web'],
  ])('%s is refused', (value, code, message) => {
    expect(classifyVideoSource(value)).toMatchObject({ code, message: expect.stringContaining(message), hint: expect.any(String) });
  });
});

describe('other media values', () => {
  it('checks pages, posters and captions', () => {
    expect(checkPageAddress('http://www.kl.dk/politik/')).toBeUndefined();
    expect(checkPageAddress('www.kl.dk/politik/')).toMatchObject({ code: 'E_VIDEO_ADDRESS', hint: 'write it in full: "https://www.kl.dk/politik/"' });
    expect(checkPageAddress('http:/www.kl.dk/politik/')).toMatchObject({ code: 'E_VIDEO_ADDRESS', hint: 'write it in full: "http://www.kl.dk/politik/"' });
    expect(checkMediaFile('poster', 'media/plakat.JPG')).toBeUndefined();
    expect(checkMediaFile('poster', 'media/plakat.tiff')).toMatchObject({ code: 'E_MEDIA_FORMAT' });
    expect(checkMediaFile('poster', 'https://i.ytimg.com/vi/aqz-KE-bpKQ/hqdefault.jpg')).toMatchObject({ code: 'E_MEDIA_REMOTE' });
    expect(checkMediaFile('captions', 'media/tekst.vtt')).toBeUndefined();
    expect(checkMediaFile('captions', 'media/tekst.srt')).toMatchObject({ code: 'E_MEDIA_FORMAT', hint: expect.stringContaining('ffmpeg') });
  });
});

describe('player and watch addresses', () => {
  it('embeds YouTube only through youtube-nocookie, with the clip', () => {
    const source = classifyVideoSource('https://youtu.be/aqz-KE-bpKQ?t=95');
    expect(embedUrl(source as never)).toBe('https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1&rel=0&playsinline=1&enablejsapi=1&start=95');
    expect(embedUrl(source as never, { start: 10, end: 70 })).toBe('https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1&rel=0&playsinline=1&enablejsapi=1&start=10&end=70');
    expect(watchUrl(source as never)).toBe('https://youtu.be/aqz-KE-bpKQ?t=95');
  });

  it('embeds Vimeo with do-not-track, keeping an unlisted video’s hash', () => {
    const source = classifyVideoSource('https://vimeo.com/76979871/3f5a2b9c1d');
    expect(embedUrl(source as never, { start: 10 })).toBe('https://player.vimeo.com/video/76979871?autoplay=1&dnt=1&playsinline=1&title=0&byline=0&portrait=0&h=3f5a2b9c1d#t=10s');
    expect(watchUrl(source as never)).toBe('https://vimeo.com/76979871/3f5a2b9c1d');
  });
});

describe('times', () => {
  it.each([[95, 95], ['95', 95], ['1:35', 95], ['0:02', 2], ['1:02:03', 3723], ['1:60', undefined], ['fem', undefined], [-1, undefined]])('%s', (value, seconds) => {
    expect(toSeconds(value)).toBe(seconds);
  });
  it('formats seconds as people read them', () => {
    expect([formatSeconds(2), formatSeconds(60), formatSeconds(270), formatSeconds(3723)]).toEqual(['0:02', '1:00', '4:30', '1:02:03']);
  });
});
