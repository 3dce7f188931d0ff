import assert from 'node:assert/strict';
import { applyFirstFix, lint, tpl } from './helpers';

const subnet = (az: string) => tpl(`  S:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: vpc-1\n      CidrBlock: 10.0.0.0/24\n      AvailabilityZone: ${az}\n`, 'Parameters:\n  Zones:\n    Type: CommaDelimitedList\n');
const shape = (text: string) => {
  const { doc, findings } = lint(text);
  return findings.filter((f) => f.code === 'CFN4007').map((f) => `${doc.text.slice(f.start, f.end)}: ${f.message}`);
};

describe('Fn::Select and Fn::GetAZs arguments (CFN4007)', () => {
  it('accepts indexes (also quoted) into lists, GetAZs, Split and list parameters; GetAZs of a region, empty or Ref', () => {
    for (const v of ['!Select [0, !GetAZs ""]', '!Select ["1", !GetAZs us-east-1]', '!Select [1, [a, b]]', '!Select [0, !Split [",", "a,b"]]', '!Select [0, !Ref Zones]', '!Select [!Ref AWS::AccountId, !GetAZs !Ref AWS::Region]', '!Select [0, !GetAZs us-gov-west-1]']) {
      assert.deepEqual(shape(subnet(v)), [], v);
    }
  });

  it('reports a non-numeric index, selecting from a string, and an index past a literal list, on the argument', () => {
    assert.match(shape(subnet('!Select [a, !GetAZs ""]'))[0], /^a: Fn::Select takes a whole-number index/);
    assert.match(shape(subnet('!Select [1, "a,b"]'))[0], /^"a,b": Fn::Select selects from a list/);
    assert.match(shape(subnet('!Select [0, !Join [",", [a, b]]]'))[0], /^!Join: Fn::Select selects from a list/);
    assert.match(shape(subnet('!Select [2, [a, b]]'))[0], /^2: Fn::Select index 2 is past the end of the 2-item list/);
  });

  it('reports an Availability Zone or a non-region given to GetAZs, with a fix to the region', () => {
    const text = subnet('!Select [0, !GetAZs us-east-1a]');
    assert.match(shape(text)[0], /^us-east-1a: Fn::GetAZs takes a region, not the Availability Zone/);
    assert.match(applyFirstFix(text, 'CFN4007'), /!GetAZs us-east-1\]/);
    assert.match(shape(subnet('!Select [0, !GetAZs virginia]'))[0], /takes a region name/);
  });
});
