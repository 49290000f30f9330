import { createParamDecorator } from '@nestjs/common';
import { ClsServiceManager } from 'nestjs-cls';
import type { MessageContext } from '@samen/contracts';
import { MESSAGE_CONTEXT } from './message-context';

/** The message context of the message being handled: `handle(@Payload() p, @Context() ctx)`. */
export const Context = createParamDecorator((_data: unknown): MessageContext => {
  return ClsServiceManager.getClsService().get<MessageContext>(MESSAGE_CONTEXT);
});
