import { ReadOnlyRecordFields, withoutReadOnlyFields } from './record-echo';

@ReadOnlyRecordFields('id', 'createdAt')
class UpdateThingDto {
  name?: string;
}
class UpdateOtherDto extends UpdateThingDto {}
class PlainDto {}

describe('withoutReadOnlyFields', () => {
  it('drops the declared read-only fields of the record and keeps every other key, unknown ones included', () => {
    expect(withoutReadOnlyFields(UpdateThingDto, { id: 'x', createdAt: 'y', name: 'a', nmae: 'b' })).toEqual({ name: 'a', nmae: 'b' });
  });

  it('applies to a DTO extending a declaring one, and to no other', () => {
    expect(withoutReadOnlyFields(UpdateOtherDto, { id: 'x', name: 'a' })).toEqual({ name: 'a' });
    expect(withoutReadOnlyFields(PlainDto, { id: 'x' })).toEqual({ id: 'x' });
  });

  it('leaves a body that is not an object as it is, for the validation to refuse', () => {
    expect(withoutReadOnlyFields(UpdateThingDto, ['id'])).toEqual(['id']);
    expect(withoutReadOnlyFields(UpdateThingDto, null)).toBeNull();
    expect(withoutReadOnlyFields(UpdateThingDto, 'id')).toBe('id');
  });
});
