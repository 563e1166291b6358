import {
  Catch,
  Controller,
  Get,
  HttpException,
  Param,
  PayloadTooLargeException,
  Post,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { AVATAR } from '@crossroads/shared-domain';
import { CurrentUser, Public, type Principal } from '@crossroads/api-platform';
import { toUserModel } from '../users/user.mapper.js';
import { AvatarRejected, type AvatarProblem } from './avatar-image.js';
import { AvatarsService } from './avatars.service.js';

const STATUS: Record<AvatarProblem, number> = {
  AVATAR_MISSING: 400,
  AVATAR_TOO_LARGE: 413,
  AVATAR_NOT_AN_IMAGE: 415,
  AVATAR_TOO_MANY_PIXELS: 422,
};

/** Rejected uploads as `{ error, code }` with a status; multer's size limit arrives as a 413 HttpException. */
@Catch(AvatarRejected, HttpException)
class AvatarErrors implements ExceptionFilter {
  catch(error: AvatarRejected | HttpException, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof AvatarRejected) {
      res.status(STATUS[error.code]).json({ error: error.message, code: error.code });
    } else if (error instanceof PayloadTooLargeException) {
      res
        .status(413)
        .json({ error: `The image must be at most ${AVATAR.maxBytes / 1024 / 1024} MB.`, code: 'AVATAR_TOO_LARGE' });
    } else {
      res.status(error.getStatus()).json({ error: 'The upload could not be read.', code: 'BAD_REQUEST' });
    }
  }
}

/** `POST /uploads/avatar` (multipart, field `file`, signed in) and the stored sizes at `/avatars/<user>/<version>/<size>.webp`. */
@Controller()
@UseFilters(AvatarErrors)
export class AvatarsController {
  constructor(private readonly avatars: AvatarsService) {}

  @Post('uploads/avatar')
  // Public so that a guest gets a plain 401 here rather than a GraphQL-shaped error.
  @Public()
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: AVATAR.maxBytes, files: 1, fields: 0 } }))
  async upload(
    @CurrentUser() viewer: Principal | null,
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @Res() res: Response,
  ): Promise<void> {
    if (!viewer) {
      res.status(401).json({ error: 'Sign in to change your avatar.', code: 'UNAUTHENTICATED' });
      return;
    }
    if (!file) throw new AvatarRejected('AVATAR_MISSING', 'Choose an image to upload (form field "file").');
    const user = await this.avatars.upload(viewer.id, file.buffer);
    res.status(201).json({ avatarUrl: toUserModel(user).avatarUrl });
  }

  @Get('avatars/:userId/:version/:file')
  @Public()
  async serve(
    @Param('userId') userId: string,
    @Param('version') version: string,
    @Param('file') file: string,
    @Res() res: Response,
  ): Promise<void> {
    const stream = await this.avatars.read(userId, version, file);
    if (!stream) {
      res.status(404).setHeader('Cache-Control', 'no-store').json({ error: 'No such avatar.' });
      return;
    }
    res.setHeader('Content-Type', 'image/webp');
    // A version's files never change: a new upload gets a new address.
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    await pipeline(stream, res);
  }
}
